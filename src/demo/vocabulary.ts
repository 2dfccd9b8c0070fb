/**
 * Words the data generator composes names from: surnames with their approximate share of the
 * population, given-name characters by generation, place-name stems, and the departments,
 * institutions and enterprises of a county (or city) with their line (系统).
 * All places are fictional.
 */

/** Common surnames, weighted by their approximate share (per mille) of the population. */
export const SURNAMES: [string, number][] = [
  ['王', 71], ['李', 70], ['张', 66], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 20], ['赵', 20], ['吴', 16], ['周', 16],
  ['徐', 13], ['孙', 13], ['马', 12], ['朱', 11], ['胡', 11], ['郭', 11], ['何', 10], ['高', 9], ['林', 9], ['罗', 9],
  ['郑', 8], ['梁', 8], ['谢', 6], ['宋', 6], ['唐', 6], ['许', 5], ['韩', 5], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 4], ['田', 4], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3],
  ['石', 3], ['廖', 3], ['贾', 3], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1], ['向', 1], ['汤', 1],
  ['欧阳', 0.3], ['司马', 0.1], ['诸葛', 0.1], ['上官', 0.1],
];

/** Generations of given names: who was born when shapes the name. */
export type NameEra = 'old' | 'middle' | 'young';
export const eraOf = (birthYear: number): NameEra => (birthYear < 1965 ? 'old' : birthYear < 1985 ? 'middle' : 'young');

/** Characters of given names, by era and gender; two-character names are composed from them. */
export const GIVEN_CHARS: Record<NameEra, { MALE: string; FEMALE: string }> = {
  old: {
    MALE: '建国华明德志强国庆卫东红军文军福山德胜永发振兴光荣学忠宝林长青春生树成玉田金水',
    FEMALE: '秀英桂兰淑珍玉兰凤英翠花桂芳秀兰金凤素芬美华春梅爱华玉珍月娥',
  },
  middle: {
    MALE: '伟勇军磊涛斌超明刚平辉鹏华飞波宁海峰亮林东晓剑锋俊杰建新志红兵立江',
    FEMALE: '丽娟艳敏静芳霞燕玲萍红梅琴英慧晓春丹娜莉雪霞华娥',
  },
  young: {
    MALE: '浩宇鑫杰轩博文涛哲瑞晨昊然泽阳帅凯鹏睿翔子豪俊明航旭',
    FEMALE: '婷倩雪佳欣悦琳颖怡璐瑶萌涵雨思梦晶蕾妍馨诗嘉彤',
  },
};

/** Whole given names typical of each era, used alongside composed ones. */
export const GIVEN_NAMES: Record<NameEra, { MALE: string[]; FEMALE: string[] }> = {
  old: {
    MALE: ['建国', '国庆', '卫东', '建华', '志强', '德明', '福生', '长青', '振华', '永福', '国华', '建军'],
    FEMALE: ['秀英', '桂兰', '淑珍', '玉兰', '凤英', '桂芳', '秀兰', '春梅', '金凤', '素芬', '玉珍', '月娥'],
  },
  middle: {
    MALE: ['伟', '勇', '军', '磊', '涛', '斌', '超', '刚', '海涛', '晓东', '建新', '志刚', '红兵', '俊杰'],
    FEMALE: ['丽', '娟', '艳', '敏', '静', '芳', '霞', '燕', '海燕', '晓红', '春梅', '丽娟', '晓燕', '丽萍'],
  },
  young: {
    MALE: ['浩', '宇', '鑫', '杰', '浩然', '子轩', '宇航', '博文', '俊杰', '子豪', '一鸣', '梓豪'],
    FEMALE: ['婷', '倩', '雪', '佳', '欣怡', '雨欣', '思雨', '梦瑶', '诗涵', '佳琪', '雨萱', '子涵'],
  },
};

/** Stems of township names (the seat of a county is 城关镇 or a 街道). */
export const TOWNSHIP_STEMS = [
  '河口', '石桥', '柳林', '杨集', '马坊', '黄庄', '清泉', '龙门', '凤山', '白马', '双庙', '新店', '古城', '太平', '长岭',
  '三河', '高桥', '梅林', '桃源', '青龙', '金牛', '官庄', '铁佛', '兴隆', '安乐', '永和', '大营', '小集', '东坝', '西湖',
  '南岗', '北塘', '云台', '花园', '雁池', '牛山', '盘石', '羊角', '沙河', '槐树', '枣林', '竹溪', '望江', '卧龙', '鹤鸣',
];

export const VILLAGE_WORDS = [
  '红旗', '团结', '胜利', '光明', '和平', '幸福', '联合', '先锋', '新华', '民主', '永丰', '丰收', '长青', '富民', '兴隆',
  '太平', '石桥', '柳树', '杨林', '枣园', '桃园', '梨树', '松林', '竹园', '荷塘', '龙泉', '凤凰', '金沙', '白沙', '黄土',
  '青山', '清水', '马鞍', '牛角', '双河', '三岔', '五里', '七里', '十里', '八一', '前进', '红星', '向阳', '东风', '群英',
];
export const VILLAGE_DIRECTIONS = '东西南北上下前后大小新老';
export const VILLAGE_FEATURES = '河岭坪湾庄屯桥沟坡塘堡集岗坝';
export const VILLAGE_CLAN_PLACES = '庄湾坪沟岭营店寨洼岗峪';
export const COMMUNITY_WORDS = ['城关', '东关', '西关', '南关', '北关', '人民路', '解放路', '建设路', '文化路', '新华路', '滨河', '花园', '锦绣', '阳光', '幸福里', '长安'];

/** County names of the county-scale demo, with their pinyin for usernames. */
export const DEMO_COUNTIES: { name: string; slug: string }[] = [
  { name: '东安县', slug: 'dongan' },
  { name: '西平县', slug: 'xiping' },
  { name: '南丰县', slug: 'nanfeng' },
  { name: '北川县', slug: 'beichuan' },
];
export const DEMO_CITY = { name: '江州市', slug: 'jiangzhou' };
export const DEMO_PROVINCE = { name: '江南省', slug: 'jiangnan' };

/** First and second characters of generated county and city names, with their pinyin. */
export const PLACE_FIRST: [string, string][] = [
  ['东', 'dong'], ['西', 'xi'], ['南', 'nan'], ['北', 'bei'], ['安', 'an'], ['平', 'ping'], ['清', 'qing'], ['河', 'he'],
  ['青', 'qing'], ['永', 'yong'], ['长', 'chang'], ['新', 'xin'], ['宁', 'ning'], ['丰', 'feng'], ['兴', 'xing'], ['嘉', 'jia'],
  ['临', 'lin'], ['泰', 'tai'], ['和', 'he'], ['华', 'hua'], ['宜', 'yi'], ['明', 'ming'], ['云', 'yun'], ['石', 'shi'],
  ['白', 'bai'], ['金', 'jin'], ['龙', 'long'], ['凤', 'feng'], ['江', 'jiang'], ['湖', 'hu'], ['崇', 'chong'], ['广', 'guang'],
];
export const PLACE_SECOND: [string, string][] = [
  ['安', 'an'], ['平', 'ping'], ['阳', 'yang'], ['山', 'shan'], ['川', 'chuan'], ['源', 'yuan'], ['宁', 'ning'], ['丰', 'feng'],
  ['泽', 'ze'], ['城', 'cheng'], ['水', 'shui'], ['昌', 'chang'], ['化', 'hua'], ['乐', 'le'], ['溪', 'xi'], ['陵', 'ling'],
];

export type { UnitKindName } from '../common/vocabulary';
import type { UnitKindName } from '../common/vocabulary';

export interface UnitTemplate {
  /** `{r}` is the full name of the region, e.g. 东安县. */
  name: string;
  kind: UnitKindName;
  system: string | null;
  head: string;
  deputy: string;
  /** Specialty codes the unit's staff bring to the talent pool. */
  specialties?: string[];
  /** The head is a member of the Party committee's standing committee (one rank up). */
  senior?: boolean;
  /** Index (in this list) of the supervising unit. */
  under?: string;
  /** The inspection office of the region. */
  inspectionOffice?: boolean;
}

/** The units of a county (and, with the same names, of a city or province). */
export const REGION_UNITS: UnitTemplate[] = [
  { name: '{r}纪委监委', kind: 'DEPARTMENT', system: '纪检监察', head: '书记', deputy: '副书记', specialties: ['DISCIPLINE'], senior: true },
  { name: '{r}委巡察工作领导小组办公室', kind: 'DEPARTMENT', system: '纪检监察', head: '主任', deputy: '副主任', specialties: ['DISCIPLINE'], inspectionOffice: true },
  { name: '{r}委办公室', kind: 'DEPARTMENT', system: null, head: '主任', deputy: '副主任' },
  { name: '{r}人大常委会办公室', kind: 'DEPARTMENT', system: null, head: '主任', deputy: '副主任' },
  { name: '{r}人民政府办公室', kind: 'DEPARTMENT', system: null, head: '主任', deputy: '副主任' },
  { name: '{r}政协办公室', kind: 'DEPARTMENT', system: null, head: '主任', deputy: '副主任' },
  { name: '{r}委组织部', kind: 'DEPARTMENT', system: '组织', head: '部长', deputy: '副部长', specialties: ['ORGANIZATION'], senior: true },
  { name: '{r}委宣传部', kind: 'DEPARTMENT', system: '宣传', head: '部长', deputy: '副部长', specialties: ['PUBLICITY'], senior: true },
  { name: '{r}委统战部', kind: 'DEPARTMENT', system: null, head: '部长', deputy: '副部长', senior: true },
  { name: '{r}委政法委员会', kind: 'DEPARTMENT', system: '政法', head: '书记', deputy: '副书记', specialties: ['POLITICAL_LEGAL'], senior: true },
  { name: '{r}委机构编制委员会办公室', kind: 'DEPARTMENT', system: '组织', head: '主任', deputy: '副主任', specialties: ['ORGANIZATION'] },
  { name: '{r}委党校', kind: 'DEPARTMENT', system: '组织', head: '常务副校长', deputy: '副校长' },
  { name: '{r}直机关工作委员会', kind: 'DEPARTMENT', system: '组织', head: '书记', deputy: '副书记', specialties: ['ORGANIZATION'] },
  { name: '{r}委网络安全和信息化委员会办公室', kind: 'DEPARTMENT', system: '宣传', head: '主任', deputy: '副主任', specialties: ['PUBLICITY'] },
  { name: '{r}委老干部局', kind: 'DEPARTMENT', system: '组织', head: '局长', deputy: '副局长' },
  { name: '{r}委社会工作部', kind: 'DEPARTMENT', system: null, head: '部长', deputy: '副部长' },
  { name: '{r}档案馆', kind: 'DEPARTMENT', system: null, head: '馆长', deputy: '副馆长' },
  { name: '{r}总工会', kind: 'DEPARTMENT', system: '群团', head: '主席', deputy: '副主席' },
  { name: '共青团{r}委员会', kind: 'DEPARTMENT', system: '群团', head: '书记', deputy: '副书记' },
  { name: '{r}妇女联合会', kind: 'DEPARTMENT', system: '群团', head: '主席', deputy: '副主席' },
  { name: '{r}科学技术协会', kind: 'DEPARTMENT', system: '群团', head: '主席', deputy: '副主席' },
  { name: '{r}工商业联合会', kind: 'DEPARTMENT', system: '群团', head: '主席', deputy: '副主席' },
  { name: '{r}残疾人联合会', kind: 'DEPARTMENT', system: '群团', head: '理事长', deputy: '副理事长' },
  { name: '{r}红十字会', kind: 'DEPARTMENT', system: '群团', head: '常务副会长', deputy: '副会长' },
  { name: '{r}文学艺术界联合会', kind: 'DEPARTMENT', system: '群团', head: '主席', deputy: '副主席' },
  { name: '{r}发展和改革局', kind: 'DEPARTMENT', system: '经济', head: '局长', deputy: '副局长', specialties: ['ENGINEERING'] },
  { name: '{r}教育局', kind: 'DEPARTMENT', system: '教育', head: '局长', deputy: '副局长' },
  { name: '{r}科学技术局', kind: 'DEPARTMENT', system: '经济', head: '局长', deputy: '副局长' },
  { name: '{r}工业和信息化局', kind: 'DEPARTMENT', system: '经济', head: '局长', deputy: '副局长' },
  { name: '{r}公安局', kind: 'DEPARTMENT', system: '政法', head: '局长', deputy: '副局长', specialties: ['POLITICAL_LEGAL'] },
  { name: '{r}民政局', kind: 'DEPARTMENT', system: '民政', head: '局长', deputy: '副局长' },
  { name: '{r}司法局', kind: 'DEPARTMENT', system: '政法', head: '局长', deputy: '副局长', specialties: ['LAW'] },
  { name: '{r}财政局', kind: 'DEPARTMENT', system: '财政', head: '局长', deputy: '副局长', specialties: ['FISCAL', 'FINANCE'] },
  { name: '{r}人力资源和社会保障局', kind: 'DEPARTMENT', system: '人社', head: '局长', deputy: '副局长', specialties: ['ORGANIZATION'] },
  { name: '{r}自然资源局', kind: 'DEPARTMENT', system: '自然资源', head: '局长', deputy: '副局长', specialties: ['ENGINEERING'] },
  { name: '{r}生态环境分局', kind: 'DEPARTMENT', system: '自然资源', head: '局长', deputy: '副局长' },
  { name: '{r}住房和城乡建设局', kind: 'DEPARTMENT', system: '住建', head: '局长', deputy: '副局长', specialties: ['ENGINEERING'] },
  { name: '{r}交通运输局', kind: 'DEPARTMENT', system: '交通', head: '局长', deputy: '副局长', specialties: ['ENGINEERING'] },
  { name: '{r}水利局', kind: 'DEPARTMENT', system: '农业农村', head: '局长', deputy: '副局长', specialties: ['ENGINEERING'] },
  { name: '{r}农业农村局', kind: 'DEPARTMENT', system: '农业农村', head: '局长', deputy: '副局长', specialties: ['POVERTY_RELIEF'] },
  { name: '{r}乡村振兴局', kind: 'DEPARTMENT', system: '农业农村', head: '局长', deputy: '副局长', specialties: ['POVERTY_RELIEF'] },
  { name: '{r}林业局', kind: 'DEPARTMENT', system: '农业农村', head: '局长', deputy: '副局长' },
  { name: '{r}商务局', kind: 'DEPARTMENT', system: '经济', head: '局长', deputy: '副局长' },
  { name: '{r}文化和旅游局', kind: 'DEPARTMENT', system: '宣传', head: '局长', deputy: '副局长', specialties: ['PUBLICITY'] },
  { name: '{r}卫生健康局', kind: 'DEPARTMENT', system: '卫生', head: '局长', deputy: '副局长' },
  { name: '{r}退役军人事务局', kind: 'DEPARTMENT', system: '民政', head: '局长', deputy: '副局长' },
  { name: '{r}应急管理局', kind: 'DEPARTMENT', system: '应急', head: '局长', deputy: '副局长', specialties: ['ENGINEERING'] },
  { name: '{r}审计局', kind: 'DEPARTMENT', system: '审计', head: '局长', deputy: '副局长', specialties: ['AUDIT', 'FINANCE'] },
  { name: '{r}市场监督管理局', kind: 'DEPARTMENT', system: '市场监管', head: '局长', deputy: '副局长' },
  { name: '{r}统计局', kind: 'DEPARTMENT', system: '经济', head: '局长', deputy: '副局长', specialties: ['FINANCE'] },
  { name: '{r}医疗保障局', kind: 'DEPARTMENT', system: '卫生', head: '局长', deputy: '副局长', specialties: ['FINANCE'] },
  { name: '{r}城市管理局', kind: 'DEPARTMENT', system: '住建', head: '局长', deputy: '副局长', specialties: ['ENGINEERING'] },
  { name: '{r}信访局', kind: 'DEPARTMENT', system: '政法', head: '局长', deputy: '副局长', specialties: ['PETITION'] },
  { name: '{r}行政审批服务局', kind: 'DEPARTMENT', system: null, head: '局长', deputy: '副局长' },
  { name: '{r}数据局', kind: 'DEPARTMENT', system: null, head: '局长', deputy: '副局长' },
  { name: '{r}机关事务服务中心', kind: 'DEPARTMENT', system: null, head: '主任', deputy: '副主任', specialties: ['FINANCE'] },
  { name: '{r}融媒体中心', kind: 'DEPARTMENT', system: '宣传', head: '主任', deputy: '副主任', specialties: ['PUBLICITY'] },
  { name: '{r}供销合作社联合社', kind: 'DEPARTMENT', system: '经济', head: '主任', deputy: '副主任' },
  { name: '{r}人民法院', kind: 'DEPARTMENT', system: '政法', head: '院长', deputy: '副院长', specialties: ['LAW'], senior: true },
  { name: '{r}人民检察院', kind: 'DEPARTMENT', system: '政法', head: '检察长', deputy: '副检察长', specialties: ['LAW'], senior: true },
  { name: '{r}税务局', kind: 'DEPARTMENT', system: '财政', head: '局长', deputy: '副局长', specialties: ['FINANCE', 'FISCAL'] },
  { name: '{r}气象局', kind: 'DEPARTMENT', system: null, head: '局长', deputy: '副局长' },
  { name: '{r}国有资产事务服务中心', kind: 'DEPARTMENT', system: '财政', head: '主任', deputy: '副主任', specialties: ['FINANCE'] },
  { name: '{r}投资促进服务中心', kind: 'DEPARTMENT', system: '经济', head: '主任', deputy: '副主任' },
  { name: '{r}住房公积金管理中心', kind: 'DEPARTMENT', system: '住建', head: '主任', deputy: '副主任', specialties: ['FINANCE'] },
  { name: '{r}不动产登记中心', kind: 'DEPARTMENT', system: '自然资源', head: '主任', deputy: '副主任' },
  { name: '{r}疾病预防控制中心', kind: 'DEPARTMENT', system: '卫生', head: '主任', deputy: '副主任', under: '{r}卫生健康局' },
  { name: '{r}公路事业发展中心', kind: 'DEPARTMENT', system: '交通', head: '主任', deputy: '副主任', specialties: ['ENGINEERING'], under: '{r}交通运输局' },
  { name: '{r}农业技术推广中心', kind: 'DEPARTMENT', system: '农业农村', head: '主任', deputy: '副主任', under: '{r}农业农村局' },
  { name: '{r}体育事业发展中心', kind: 'DEPARTMENT', system: '教育', head: '主任', deputy: '副主任', under: '{r}教育局' },
  { name: '{r}政务服务中心', kind: 'DEPARTMENT', system: null, head: '主任', deputy: '副主任', under: '{r}行政审批服务局' },
  { name: '{r}社会保险事业服务中心', kind: 'DEPARTMENT', system: '人社', head: '主任', deputy: '副主任', specialties: ['FINANCE'], under: '{r}人力资源和社会保障局' },
  { name: '{r}就业服务中心', kind: 'DEPARTMENT', system: '人社', head: '主任', deputy: '副主任', under: '{r}人力资源和社会保障局' },
  { name: '{r}粮食和物资储备中心', kind: 'DEPARTMENT', system: '经济', head: '主任', deputy: '副主任', under: '{r}发展和改革局' },
  { name: '{r}地方金融服务中心', kind: 'DEPARTMENT', system: '财政', head: '主任', deputy: '副主任', specialties: ['FINANCE'] },
  { name: '{r}经济开发区管理委员会', kind: 'DEPARTMENT', system: '经济', head: '主任', deputy: '副主任', specialties: ['ENGINEERING'] },
  { name: '{r}人民医院', kind: 'INSTITUTION', system: '卫生', head: '院长', deputy: '副院长', under: '{r}卫生健康局' },
  { name: '{r}中医院', kind: 'INSTITUTION', system: '卫生', head: '院长', deputy: '副院长', under: '{r}卫生健康局' },
  { name: '{r}妇幼保健院', kind: 'INSTITUTION', system: '卫生', head: '院长', deputy: '副院长', under: '{r}卫生健康局' },
  { name: '{r}第一中学', kind: 'INSTITUTION', system: '教育', head: '校长', deputy: '副校长', under: '{r}教育局' },
  { name: '{r}第二中学', kind: 'INSTITUTION', system: '教育', head: '校长', deputy: '副校长', under: '{r}教育局' },
  { name: '{r}职业中等专业学校', kind: 'INSTITUTION', system: '教育', head: '校长', deputy: '副校长', under: '{r}教育局' },
  { name: '{r}实验小学', kind: 'INSTITUTION', system: '教育', head: '校长', deputy: '副校长', under: '{r}教育局' },
  { name: '{r}城市建设投资集团有限公司', kind: 'ENTERPRISE', system: '国有企业', head: '董事长', deputy: '副总经理', specialties: ['FINANCE', 'ENGINEERING'] },
  { name: '{r}水务集团有限公司', kind: 'ENTERPRISE', system: '国有企业', head: '董事长', deputy: '副总经理', specialties: ['ENGINEERING'] },
  { name: '{r}文化旅游发展集团有限公司', kind: 'ENTERPRISE', system: '国有企业', head: '董事长', deputy: '副总经理' },
  { name: '{r}农村商业银行', kind: 'ENTERPRISE', system: '金融', head: '董事长', deputy: '副行长', specialties: ['FINANCE'] },
  { name: '{r}粮食储备有限公司', kind: 'ENTERPRISE', system: '国有企业', head: '董事长', deputy: '副总经理' },
];

/** Specialty codes of the domain, for persons whose units suggest none. */
export const SPECIALTY_CODES = ['DISCIPLINE', 'ORGANIZATION', 'LAW', 'FINANCE', 'AUDIT', 'FISCAL', 'PETITION', 'POLITICAL_LEGAL', 'PUBLICITY', 'ENGINEERING', 'POVERTY_RELIEF'];

/** Staff post titles by rank (the 2019 ranks of civil servants). */
export const STAFF_POSTS: Record<string, string[]> = {
  STAFF: ['科员', '一级科员', '二级科员', '办事员'],
  DEPUTY_SECTION: ['四级主任科员', '三级主任科员', '股长'],
  SECTION: ['二级主任科员', '一级主任科员'],
  DEPUTY_DIVISION: ['四级调研员', '三级调研员'],
  DIVISION: ['二级调研员', '一级调研员'],
};
export const TOWNSHIP_STAFF_POSTS = ['党政办公室科员', '经济发展办公室科员', '社会事务办公室干事', '农业农村服务中心干部', '综合治理中心干事', '财政所会计'];
export const VILLAGE_STAFF_POSTS = ['村委会委员', '村务监督委员会主任', '村会计', '村文书'];
export const INSPECTION_POSTS = { leader: '巡察组组长', deputy: '巡察组副组长', specialist: '巡察专员' };

/** What a relative's or a person's own business has to do with a unit. */
export const INTEREST_TIE_DESCRIPTIONS = [
  '亲属经营的建材公司承接该单位办公楼维修工程',
  '配偶持股的公司向该单位供应办公用品',
  '子女就职的会计师事务所承接该单位年度审计业务',
  '亲属承包该单位食堂经营',
  '本人曾担任该单位常年法律顾问',
  '亲属经营的工程公司承接该单位道路硬化项目',
  '配偶经营的物业公司为该单位提供物业服务',
  '亲属经营的农资公司与该单位有供货往来',
  '本人持有该单位下属企业股份',
];
