import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('has working defaults: embedded database in ./.northstar, port 4000 on localhost, every role', () => {
    const config = loadConfig({});
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.dataDir, path.resolve('.northstar'));
    assert.equal(config.port, 4000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.secureCookies, false);
    assert.deepEqual([...config.roles].sort(), ['api', 'scheduler', 'worker']);
    assert.equal(config.pgPoolSize, 8);
    assert.equal(config.webDist, undefined);
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://northstar:secret@db:5432/northstar',
      NORTHSTAR_DATA_DIR: '/var/lib/northstar',
      NORTHSTAR_PORT: '8080',
      NORTHSTAR_HOST: '0.0.0.0',
      NORTHSTAR_LOG_LEVEL: 'warn',
      NORTHSTAR_SECURE_COOKIES: 'true',
      NORTHSTAR_ROLES: 'worker, scheduler',
      NORTHSTAR_PG_POOL_SIZE: '4',
    });
    assert.equal(config.databaseUrl, 'postgresql://northstar:secret@db:5432/northstar');
    assert.equal(config.dataDir, '/var/lib/northstar');
    assert.equal(config.port, 8080);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.secureCookies, true);
    assert.deepEqual([...config.roles].sort(), ['scheduler', 'worker']);
    assert.equal(config.pgPoolSize, 4);
  });

  it('refuses a DATABASE_URL that is not a postgres URL, naming the variable', () => {
    const error = configError({ DATABASE_URL: 'mysql://localhost/northstar' });
    assert.match(error.message, /DATABASE_URL/);
    assert.match(error.message, /postgres/);
  });

  for (const port of ['http', '70000', '-1', '80.5']) {
    it(`refuses NORTHSTAR_PORT=${port}, naming the variable`, () => {
      assert.match(configError({ NORTHSTAR_PORT: port }).message, /NORTHSTAR_PORT/);
    });
  }

  it('refuses an unknown role, naming the variable and the role', () => {
    const error = configError({ NORTHSTAR_ROLES: 'api,cron' });
    assert.match(error.message, /NORTHSTAR_ROLES/);
    assert.match(error.message, /"cron"/);
  });

  it('refuses a process with no role at all', () => {
    assert.match(configError({ NORTHSTAR_ROLES: ' , ' }).message, /NORTHSTAR_ROLES/);
  });

  it('lists every bad variable at once', () => {
    const error = configError({ NORTHSTAR_PORT: 'x', NORTHSTAR_LOG_LEVEL: 'loud', NORTHSTAR_SECURE_COOKIES: 'yes' });
    for (const name of ['NORTHSTAR_PORT', 'NORTHSTAR_LOG_LEVEL', 'NORTHSTAR_SECURE_COOKIES']) assert.match(error.message, new RegExp(name));
  });

  it('never prints the database password in an error', () => {
    const error = configError({ DATABASE_URL: 'postgres://u:hunter2@db/x', NORTHSTAR_PORT: 'x' });
    assert.doesNotMatch(error.message, /hunter2/);
  });
});
