/**
 * Word lists the demo builds names from. Chinese words carry their pinyin, so a Chinese company
 * gets a plausible domain and its people plausible email addresses.
 */
export type Word = { zh: string; py: string };

export const INDUSTRIES = ['SaaS', 'Retail', 'Manufacturing', 'Finance', 'Healthcare', 'Education', 'Logistics', 'Media'] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const REGIONS = ['NA', 'China', 'EMEA', 'APAC', 'LATAM'] as const;
export type Region = (typeof REGIONS)[number];

export const PLANS = ['Starter', 'Growth', 'Business', 'Enterprise'] as const;
export type Plan = (typeof PLANS)[number];

/** DOMAIN §6 root causes of customer change, as stable codes the UI can translate. */
export const CHURN_REASONS = [
  'business_decline',
  'business_migration',
  'business_restructuring',
  'key_person_change',
  'incident',
  'competition',
] as const;
export type ChurnReason = (typeof CHURN_REASONS)[number];

export const DEMO_TAGS = ['strategic', 'reference', 'expansion-candidate', 'at-risk'] as const;

// prettier-ignore
export const ENGLISH_BRANDS = [
  'Bright', 'North', 'Blue', 'Silver', 'Iron', 'Cedar', 'Summit', 'Harbor', 'Pioneer', 'Evergreen',
  'Crescent', 'Granite', 'Maple', 'Falcon', 'Atlas', 'Beacon', 'Copper', 'Horizon', 'Meridian', 'Oak',
  'Pacific', 'Quarry', 'Redwood', 'Sterling', 'Tidal', 'Vantage', 'Willow', 'Zenith', 'Aurora', 'Keystone',
  'Lumen', 'Nimbus', 'Orchid', 'Polar', 'River', 'Sable', 'Trident', 'Union', 'Vertex', 'West',
] as const;

/** Joined to a brand ("Bright" + "line"); the empty entry leaves the brand alone ("Atlas"). */
export const ENGLISH_BRAND_ENDINGS = [
  '',
  'line',
  'field',
  'point',
  'wave',
  'path',
  'stone',
  'bridge',
  'gate',
  'ridge',
  'light',
  'mark',
  'way',
  'view',
  'crest',
] as const;

export const ENGLISH_INDUSTRY_NOUNS: Record<Industry, readonly string[]> = {
  SaaS: ['Software', 'Labs', 'Cloud', 'Analytics'],
  Retail: ['Retail', 'Stores', 'Goods', 'Outfitters'],
  Manufacturing: ['Industries', 'Manufacturing', 'Works', 'Components'],
  Finance: ['Capital', 'Financial', 'Payments', 'Insurance'],
  Healthcare: ['Health', 'Medical', 'Care', 'Clinics'],
  Education: ['Learning', 'Academy', 'Education', 'Schools'],
  Logistics: ['Logistics', 'Freight', 'Shipping', 'Transport'],
  Media: ['Media', 'Studios', 'Publishing', 'Broadcasting'],
};

// prettier-ignore
export const CHINESE_CITIES: readonly Word[] = [
  { zh: '北京', py: 'bj' }, { zh: '上海', py: 'sh' }, { zh: '杭州', py: 'hz' }, { zh: '深圳', py: 'sz' },
  { zh: '广州', py: 'gz' }, { zh: '成都', py: 'cd' }, { zh: '南京', py: 'nj' }, { zh: '苏州', py: 'su' },
  { zh: '武汉', py: 'wh' }, { zh: '西安', py: 'xa' }, { zh: '重庆', py: 'cq' }, { zh: '天津', py: 'tj' },
  { zh: '厦门', py: 'xm' }, { zh: '青岛', py: 'qd' }, { zh: '宁波', py: 'nb' }, { zh: '长沙', py: 'cs' },
];

// prettier-ignore
export const CHINESE_BRANDS: readonly Word[] = [
  { zh: '云帆', py: 'yunfan' }, { zh: '星河', py: 'xinghe' }, { zh: '瑞达', py: 'ruida' }, { zh: '华信', py: 'huaxin' },
  { zh: '启明', py: 'qiming' }, { zh: '博远', py: 'boyuan' }, { zh: '汇通', py: 'huitong' }, { zh: '智联', py: 'zhilian' },
  { zh: '鼎盛', py: 'dingsheng' }, { zh: '恒泰', py: 'hengtai' }, { zh: '天宇', py: 'tianyu' }, { zh: '嘉禾', py: 'jiahe' },
  { zh: '远景', py: 'yuanjing' }, { zh: '新航', py: 'xinhang' }, { zh: '锦程', py: 'jincheng' }, { zh: '海纳', py: 'haina' },
  { zh: '明德', py: 'mingde' }, { zh: '领航', py: 'linghang' }, { zh: '青云', py: 'qingyun' }, { zh: '卓越', py: 'zhuoyue' },
  { zh: '九州', py: 'jiuzhou' }, { zh: '金桥', py: 'jinqiao' }, { zh: '万象', py: 'wanxiang' }, { zh: '东方', py: 'dongfang' },
  { zh: '优品', py: 'youpin' }, { zh: '安泰', py: 'antai' }, { zh: '飞鸿', py: 'feihong' }, { zh: '同创', py: 'tongchuang' },
];

// prettier-ignore
export const CHINESE_INDUSTRY_WORDS: Record<Industry, readonly Word[]> = {
  SaaS: [{ zh: '科技', py: 'tech' }, { zh: '软件', py: 'soft' }, { zh: '信息技术', py: 'it' }],
  Retail: [{ zh: '商贸', py: 'trade' }, { zh: '零售', py: 'retail' }, { zh: '百货', py: 'mall' }],
  Manufacturing: [{ zh: '制造', py: 'mfg' }, { zh: '机械', py: 'jixie' }, { zh: '工业', py: 'gongye' }],
  Finance: [{ zh: '金融', py: 'finance' }, { zh: '投资', py: 'invest' }, { zh: '保险', py: 'baoxian' }],
  Healthcare: [{ zh: '医疗', py: 'yiliao' }, { zh: '健康', py: 'health' }, { zh: '医药', py: 'yiyao' }],
  Education: [{ zh: '教育', py: 'edu' }, { zh: '学堂', py: 'xuetang' }, { zh: '培训', py: 'peixun' }],
  Logistics: [{ zh: '物流', py: 'wuliu' }, { zh: '供应链', py: 'scm' }, { zh: '快运', py: 'express' }],
  Media: [{ zh: '传媒', py: 'media' }, { zh: '文化', py: 'wenhua' }, { zh: '影视', py: 'film' }],
};

// prettier-ignore
export const ENGLISH_FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Lucas', 'Sophia', 'Mateo', 'Isabella', 'Ethan',
  'Mia', 'James', 'Amelia', 'Benjamin', 'Harper', 'Elijah', 'Chloe', 'Daniel', 'Grace', 'Samuel',
  'Priya', 'Arjun', 'Fatima', 'Omar', 'Yuki', 'Kenji', 'Sofia', 'Diego', 'Hannah', 'Jonas',
] as const;

// prettier-ignore
export const ENGLISH_LAST_NAMES = [
  'Smith', 'Johnson', 'Brown', 'Garcia', 'Miller', 'Davis', 'Martinez', 'Lopez', 'Wilson', 'Anderson',
  'Taylor', 'Thomas', 'Moore', 'Clark', 'Lewis', 'Walker', 'Young', 'King', 'Wright', 'Scott',
  'Nguyen', 'Patel', 'Kim', 'Tanaka', 'Müller', 'Rossi', 'Silva', 'Dubois', 'Novak', 'Okafor',
] as const;

// prettier-ignore
export const CHINESE_SURNAMES: readonly Word[] = [
  { zh: '王', py: 'wang' }, { zh: '李', py: 'li' }, { zh: '张', py: 'zhang' }, { zh: '刘', py: 'liu' },
  { zh: '陈', py: 'chen' }, { zh: '杨', py: 'yang' }, { zh: '赵', py: 'zhao' }, { zh: '黄', py: 'huang' },
  { zh: '周', py: 'zhou' }, { zh: '吴', py: 'wu' }, { zh: '徐', py: 'xu' }, { zh: '孙', py: 'sun' },
  { zh: '马', py: 'ma' }, { zh: '朱', py: 'zhu' }, { zh: '胡', py: 'hu' }, { zh: '郭', py: 'guo' },
];

// prettier-ignore
export const CHINESE_GIVEN_NAMES: readonly Word[] = [
  { zh: '伟', py: 'wei' }, { zh: '芳', py: 'fang' }, { zh: '娜', py: 'na' }, { zh: '敏', py: 'min' },
  { zh: '静', py: 'jing' }, { zh: '磊', py: 'lei' }, { zh: '洋', py: 'yang' }, { zh: '勇', py: 'yong' },
  { zh: '志强', py: 'zhiqiang' }, { zh: '秀英', py: 'xiuying' }, { zh: '建华', py: 'jianhua' }, { zh: '晓明', py: 'xiaoming' },
  { zh: '海燕', py: 'haiyan' }, { zh: '子涵', py: 'zihan' }, { zh: '宇轩', py: 'yuxuan' }, { zh: '思雨', py: 'siyu' },
  { zh: '浩然', py: 'haoran' }, { zh: '欣怡', py: 'xinyi' }, { zh: '俊杰', py: 'junjie' }, { zh: '雪梅', py: 'xuemei' },
];

export type ContactRole = 'decision_maker' | 'executive_sponsor' | 'champion' | 'admin' | 'end_user';

export const TITLES: Record<ContactRole, { en: readonly string[]; zh: readonly string[] }> = {
  decision_maker: {
    en: ['VP Operations', 'Head of Customer Experience', 'COO', 'Director of Operations', 'CIO'],
    zh: ['运营副总裁', '首席运营官', '信息化总监', '运营总监'],
  },
  executive_sponsor: {
    en: ['CEO', 'Chief Revenue Officer', 'CFO', 'General Manager'],
    zh: ['总经理', '首席执行官', '财务总监', '副总裁'],
  },
  champion: {
    en: ['Operations Manager', 'Customer Success Lead', 'Project Manager', 'Team Lead'],
    zh: ['项目经理', '运营经理', '业务负责人', '数字化经理'],
  },
  admin: { en: ['System Administrator', 'IT Manager', 'Platform Admin'], zh: ['系统管理员', 'IT经理', '平台管理员'] },
  end_user: { en: ['Analyst', 'Specialist', 'Coordinator', 'Account Executive'], zh: ['专员', '分析师', '业务助理', '客服主管'] },
};
