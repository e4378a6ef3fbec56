/**
 * The settings document analytics.js (Segment's analytics-next) loads from its CDN at start-up,
 * `GET {cdnURL}/v1/projects/{writeKey}/settings`, reduced to what a self-hosted Northstar needs:
 * the Segment.io destination, pointed back at this server, and nothing else to load or to report.
 * A web app then only sets `cdnURL` to its Northstar host.
 */
export function buildAnalyticsJsSettings(writeKey: string, origin: { protocol: 'http' | 'https'; host: string }) {
  return {
    integrations: {
      'Segment.io': {
        apiKey: writeKey,
        apiHost: `${origin.host}/v1`,
        protocol: origin.protocol,
        unbundledIntegrations: [],
        addBundledMetadata: true,
        maybeBundledConfigIds: {},
      },
    },
    plan: {
      track: { __default: { enabled: true, integrations: {} } },
      identify: { __default: { enabled: true } },
      group: { __default: { enabled: true } },
    },
    enabledMiddleware: {},
    // analytics.js would otherwise post its own delivery metrics to Segment.
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}

/**
 * Where the browser should post: the scheme and host the settings request came to, as the client
 * saw them (X-Forwarded-Proto and X-Forwarded-Host from a TLS-terminating proxy win). The answer
 * only goes back to that client, and is never cached by a shared cache (no-store).
 */
export function readPublicOrigin(headers: Record<string, string | string[] | undefined>, fallback: { protocol: string; host: string }) {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  const forwardedProto = first(headers['x-forwarded-proto'])?.toLowerCase();
  const protocol: 'http' | 'https' = forwardedProto === 'https' || (!forwardedProto && fallback.protocol === 'https') ? 'https' : 'http';
  const host = first(headers['x-forwarded-host']) || fallback.host;
  return { protocol, host };
}
