// The quote finder on each kind of construction #29 lists, in sentences written for these
// tests (not taken from the corpus in tests/fixtures/quotes): what it must find, who said
// it, and what it must leave alone.
import { findQuotes, splitOrganization } from '../../src/lib/quotes/finder';
import { findCommendationFacts } from '../../src/lib/quotes/commendation';

type Row = [text: string, name: string, position: string | null, organization: string | null];
const speakers = (text: string, province?: string) =>
  findQuotes(text, { province }).map((quote): Row => [quote.text, quote.speakerName, quote.speakerPosition, quote.speakerOrganization]);

describe('1. a pronoun for the speaker is the person named just before, with their post', () => {
  test('她, 他, 其 and 该同志, before or after the quote', () => {
    const text = [
      '市交通局驾驶员李明作为一线代表发言。她动情地说：“每一次出车，我都当作第一次。”',
      '县档案馆馆长周红梅介绍了馆藏数字化进展。“三年内全部完成。”她补充道。',
      '区应急管理局副局长孔祥瑞到会指导。其指出：“安全生产没有旁观者。”',
      '省林业局护林员陶春生坚守深山三十年，该同志表示：“只要走得动，我就一直巡下去。”',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['每一次出车，我都当作第一次。', '李明', '驾驶员', '市交通局'],
      ['三年内全部完成。', '周红梅', '馆长', '县档案馆'],
      ['安全生产没有旁观者。', '孔祥瑞', '副局长', '区应急管理局'],
      ['只要走得动，我就一直巡下去。', '陶春生', '护林员', '省林业局'],
    ]);
  });

  test('the person named last, not the last speaker; a name said again keeps its post', () => {
    const text = [
      '“节能要从每一度电抓起。”市机关事务局局长钱海说。',
      '食堂主管严丽丽每天第一个到岗。“菜价每天都要比一比。”她笑着说。',
      '钱海在总结时说：“明年还要再降百分之五。”',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['节能要从每一度电抓起。', '钱海', '局长', '市机关事务局'],
      ['菜价每天都要比一比。', '严丽丽', '主管', '食堂'],
      ['明年还要再降百分之五。', '钱海', '局长', '市机关事务局'],
    ]);
  });

  test('他们 is a group, 其中 and 其他 are not pronouns for a person', () => {
    const text = '局长王平讲了话。其中，“勤俭”二字被反复提及。他们纷纷表示：“收获很大。”';
    expect(findQuotes(text).map((quote) => [quote.text, quote.speakerName, quote.collective])).toEqual([['收获很大。', '与会代表', true]]);
  });
});

describe('2. a time or scene phrase before the attribution is not part of the organisation', () => {
  test('座谈会结束前, 会上, 随后, 最后, 此外, 调研期间', () => {
    const text = [
      '“必须把账算细。”座谈会结束前，县财政局局长王强总结道。',
      '会上，市卫健委主任丁伟表示：“基层医院也要节能。”',
      '随后，县教育局副局长宋佳介绍：“全县学校都装了智能电表。”',
      '“我们会一条一条落实。”最后，镇党委书记曾勇表态。',
      '此外，区人社局局长韩梅强调：“培训要覆盖每一名后勤人员。”',
      '调研期间，市机关事务局局长彭涛说：“问题就是清单。”',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['必须把账算细。', '王强', '局长', '县财政局'],
      ['基层医院也要节能。', '丁伟', '主任', '市卫健委'],
      ['全县学校都装了智能电表。', '宋佳', '副局长', '县教育局'],
      ['我们会一条一条落实。', '曾勇', '党委书记', '镇'],
      ['培训要覆盖每一名后勤人员。', '韩梅', '局长', '区人社局'],
      ['问题就是清单。', '彭涛', '局长', '市机关事务局'],
    ]);
  });

  test('in a splitting of its own', () => {
    expect(splitOrganization('座谈会结束前，县财政局局长')).toEqual({ speakerOrganization: '县财政局', speakerPosition: '局长' });
    expect(splitOrganization('在谈到下一步打算时，市档案局副局长')).toEqual({ speakerOrganization: '市档案局', speakerPosition: '副局长' });
  });
});

describe('3. 来自 ORG 的 POSITION NAME, before or after the quote', () => {
  test('the organisation before 的, the position after it', () => {
    const text = [
      '“一份菜谱要改十几遍。”来自丽水市机关事务局的厨师长赵刚说。',
      '来自衢州市柯城区行政服务中心的副主任方晓燕告诉记者：“窗口少了，服务多了。”',
      '来自嘉善县档案馆的馆员邹敏介绍，“档案数字化已完成八成。”',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['一份菜谱要改十几遍。', '赵刚', '厨师长', '丽水市机关事务局'],
      ['窗口少了，服务多了。', '方晓燕', '副主任', '衢州市柯城区行政服务中心'],
      ['档案数字化已完成八成。', '邹敏', '馆员', '嘉善县档案馆'],
    ]);
  });
});

describe('4. attribution verbs, with or without a colon, before or after, with an adverb between', () => {
  test('many verbs', () => {
    const text = [
      '“变化看得见。”县机关事务中心主任吴刚坦言。',
      '市住建局局长郑斌在发言中谈到：“老旧小区改造要算细账。”',
      '“今年的目标一定能完成。”区财政局副局长秦岭透露。',
      '县医保局局长汤洁告诉记者：“报销跑腿少了。”',
      '“一年省下二十万元。”市粮食局局长贺军深有感触地说。',
      '镇长蔡明分享了他的体会：“干部要多走一步。”',
      '“这些数字背后是一件件实事。”县审计局局长邵平感慨道。',
      '市统计局局长鲁强在会上指出，“数据质量是生命线。”',
      '县民政局局长汪涛激动地表示：“这份荣誉属于大家。”',
    ].join('\n');
    expect(speakers(text).map(([, name]) => name)).toEqual(['吴刚', '郑斌', '秦岭', '汤洁', '贺军', '蔡明', '邵平', '鲁强', '汪涛']);
    expect(speakers(text)[5]).toEqual(['干部要多走一步。', '蔡明', '镇长', null]);
  });

  test('an adverb and 地, a position after the name, a verb before the organisation, a titled name then its colon', () => {
    const text = [
      '“这是我们共同的心愿。”县总工会主席柯文亮语重心长地说。',
      '市财政局李明局长在会上表示：“预算要硬约束。”',
      '会议邀请了省机关事务管理局二级巡视员钟华作专题讲座。钟华结合案例指出：“节约型机关建设要久久为功。”',
      '谈起这些年的变化，县机关事务中心主任李明打开了话匣子：“变化太大了。”',
    ].join('\n');
    expect(speakers(text, '浙江省')).toEqual([
      ['这是我们共同的心愿。', '柯文亮', '主席', '县总工会'],
      ['预算要硬约束。', '李明', '局长', '市财政局'],
      ['节约型机关建设要久久为功。', '钟华', '二级巡视员', '浙江省机关事务管理局'],
      ['变化太大了。', '李明', '主任', '县机关事务中心'],
    ]);
  });

  test('a quote split by its attribution is two quotes by one speaker', () => {
    expect(speakers('“节约不是抠门，”县机关事务局局长廖斌笑着说，“是把钱用对地方。”')).toEqual([
      ['节约不是抠门，', '廖斌', '局长', '县机关事务局'],
      ['是把钱用对地方。', '廖斌', '局长', '县机关事务局'],
    ]);
  });
});

describe('5. a place after 从, 在, 来到, 走上 is not a position', () => {
  test('where the person was or came from', () => {
    const text = [
      '从县委食堂的收银台走上了全省表彰大会领奖台的殷芳芳说：“我没想到会是我。”',
      '在市政府大院工作了二十年的水电工范建国说：“哪根管子漏水我都知道。”',
      '来到县机关事务中心刚满半年的秦思远也谈了感受：“这里的人都很热心。”',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['我没想到会是我。', '殷芳芳', null, null],
      ['哪根管子漏水我都知道。', '范建国', '水电工', null],
      ['这里的人都很热心。', '秦思远', null, null],
    ]);
  });
});

describe('6. a group that speaks is collective, named by its own words (大家 too)', () => {
  test('与会代表, 大家, 不少干部, …们', () => {
    const text = [
      '与会代表一致认为：“会议开得很实。”',
      '“很解渴！”大家纷纷表示。',
      '不少基层干部感慨：“以前想都不敢想。”',
      '前来办事的群众们说：“一次就办好了。”',
    ].join('\n');
    expect(findQuotes(text).map((quote) => [quote.speakerName, quote.collective])).toEqual([
      ['与会代表', true],
      ['大家', true],
      ['不少基层干部', true],
      ['群众们', true],
    ]);
  });

  test('a named person is not collective', () => {
    expect(findQuotes('“我们会努力。”局长王明说。')[0].collective).toBeUndefined();
  });
});

describe('7. commended units and individuals listed inside a sentence', () => {
  test('等单位, 等集体, 等同志; not those 通报批评', () => {
    const text = [
      '其中，甲市机关事务服务中心、乙县机关事务管理局、丙区后勤服务中心等单位被评为先进集体。',
      '市委办公室、市政府办公室等12个集体获评节约型机关示范单位，予以表彰。',
      '市财政局刘一鸣、县教育局陈晓、区卫健局张丽华等同志被评为先进个人。',
      '丁县机关事务局、戊区后勤中心等单位工作滞后，予以通报批评。',
    ].join('\n');
    const facts = findCommendationFacts(text);
    expect(facts.commendedUnits.map((unit) => unit.name)).toEqual([
      '甲市机关事务服务中心',
      '乙县机关事务管理局',
      '丙区后勤服务中心',
      '市委办公室',
      '市政府办公室',
    ]);
    expect(facts.commendedIndividuals.map((person) => [person.name, person.organization])).toEqual([
      ['刘一鸣', '市财政局'],
      ['陈晓', '县教育局'],
      ['张丽华', '区卫健局'],
    ]);
  });
});

describe('7b. other ways of listing who is commended', () => {
  test('the verb first (授予, 评选出), names joined by 和, people with their organisation in brackets or before them', () => {
    const text = [
      '经评选，授予甲市财政局、乙市档案局和丙市医保局等5个单位“节约型机关”称号。',
      '评选出丁县机关事务中心、戊县后勤服务中心等先进集体。',
      '对马小云（县财政局）、牛大海（县教育局）等同志予以通报表扬。',
      '对市财政局局长杨一帆、县教育局副局长朱二丫等10名同志予以表彰。',
    ].join('\n');
    const facts = findCommendationFacts(text);
    expect(facts.commendedUnits.map((unit) => unit.name)).toEqual([
      '甲市财政局',
      '乙市档案局',
      '丙市医保局',
      '丁县机关事务中心',
      '戊县后勤服务中心',
    ]);
    expect(facts.commendedIndividuals.map((person) => [person.name, person.organization])).toEqual([
      ['马小云', '县财政局'],
      ['牛大海', '县教育局'],
      ['杨一帆', '市财政局'],
      ['朱二丫', '县教育局'],
    ]);
  });
});

describe('the forms quotes take', () => {
  test('「」 with 『』 inside, and a quote over two paragraphs', () => {
    const text = ['县机关事务局局长倪红说：「大家常问我，『节约到底为了什么？』」', '局长倪红说：“第一段。', '“第二段。”'].join('\n');
    expect(speakers(text)).toEqual([
      ['大家常问我，『节约到底为了什么？』', '倪红', '局长', '县机关事务局'],
      ['第一段。\n第二段。', '倪红', '局长', null],
    ]);
  });

  test('slogans and terms in quotation marks are not speech', () => {
    const text = '全县推行“最多跑一次”改革，打造“15分钟便民服务圈”，让群众办事“只进一扇门”。';
    expect(findQuotes(text)).toEqual([]);
  });

  test('English: said NAME, POSITION of ORG; NAME, POSITION at ORG, said:; she said; a group', () => {
    const text = [
      '“We cut paper use by half,” said Wang Li, deputy director of the Ningbo Municipal Offices Administration.',
      'Zhang Tao, a driver at the Jiaxing Government Motor Pool, said: “Safety comes first.”',
      '“I still check every car myself,” he said.',
      'The bureau runs a “Clean Plate” campaign.',
      '“It was worth the trip,” visitors said.',
    ].join('\n');
    expect(
      findQuotes(text).map((quote) => [quote.speakerName, quote.speakerPosition, quote.speakerOrganization, Boolean(quote.collective)])
    ).toEqual([
      ['Wang Li', 'deputy director', 'Ningbo Municipal Offices Administration', false],
      ['Zhang Tao', 'driver', 'Jiaxing Government Motor Pool', false],
      ['Zhang Tao', 'driver', 'Jiaxing Government Motor Pool', false],
      ['visitors', null, null, true],
    ]);
  });
});

describe('the section of an institution, groups, names that run on (#29, the first held-aside quarter)', () => {
  test('a section written between the institution and the position belongs to the position', () => {
    const text = [
      '“账要一笔一笔算清。”县卫生健康局财务股股长魏春来说。',
      '市人民医院的营养科主任医师casual'.replace('casual', '孔令仪介绍：“少油少盐从后厨开始。”'),
      '区机关事务中心党支部书记龚雪芳说：“党员要走在前面。”',
      '镇政府食堂炊事员葛小满告诉记者：“汤要提前两小时熬上。”',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['账要一笔一笔算清。', '魏春来', '财务股股长', '县卫生健康局'],
      ['少油少盐从后厨开始。', '孔令仪', '营养科主任医师', '市人民医院'],
      ['党员要走在前面。', '龚雪芳', '党支部书记', '区机关事务中心'],
      ['汤要提前两小时熬上。', '葛小满', '食堂炊事员', '镇政府'],
    ]);
    // An office building is not the institution a section belongs to.
    expect(splitOrganization('市政务中心保洁组组长')).toEqual({ speakerOrganization: '市政务中心保洁组', speakerPosition: '组长' });
  });

  test('a trade read from its last characters starts where an organisation can end', () => {
    expect(speakers('州林业局护林员格桑卓玛，说起巡山的日子，语气很平静：“山里的路，脚比眼睛记得清。”')).toEqual([
      ['山里的路，脚比眼睛记得清。', '格桑卓玛', '护林员', '州林业局'],
    ]);
  });

  test('a counted or gathered group is a group, not a person titled 代表 or 干部', () => {
    const text = [
      '“收获很大，回去就用。”培训结束后，参训代表纷纷表示。',
      '“饭菜比以前可口多了。”不少教师职工感慨。',
      '“这样的会要多开。”许多基层干部在座谈时说。',
    ].join('\n');
    expect(
      findQuotes(text).map((quote) => [quote.speakerName, quote.speakerPosition, quote.speakerOrganization, Boolean(quote.collective)])
    ).toEqual([
      ['参训代表', null, null, true],
      ['不少教师职工', null, null, true],
      ['许多基层干部', null, null, true],
    ]);
  });

  test('a name before an ordinal, and a name whose last character reads as an adverb', () => {
    const text = [
      '县财政局局长孟凡第一个发言：“预算要向民生倾斜。”',
      '区机关事务中心主任黎建刚分管后勤多年。其感慨：“后勤无小事。”',
      '后来，黎建刚又把这套办法推广到了各个街道。',
    ].join('\n');
    expect(speakers(text)).toEqual([
      ['预算要向民生倾斜。', '孟凡', '局长', '县财政局'],
      ['后勤无小事。', '黎建刚', '主任', '区机关事务中心'],
    ]);
  });
});

describe('commended units and people in a sentence, and in 名单 lists (#29, the first held-aside quarter)', () => {
  const facts = (text: string) => {
    const read = findCommendationFacts(text);
    return {
      units: read.commendedUnits.map((unit) => unit.name),
      individuals: read.commendedIndividuals.map((person) => [person.name, person.organization]),
    };
  };

  test('两 lists joined by 和 after one verb (通报表扬了A、B等5个先进集体和C、D等9名先进个人)', () => {
    expect(facts('大会通报表扬了市档案馆、县林业局等5个先进集体和孔德明、薛红梅等9名先进个人。')).toEqual({
      units: ['市档案馆', '县林业局'],
      individuals: [
        ['孔德明', null],
        ['薛红梅', null],
      ],
    });
  });

  test('one unit or one person alone in the clause 被评为…先进集体 / 先进个人; a name without a Han surname the text introduced', () => {
    const text = [
      '区图书馆馆员阿依古丽，在会上谈了体会。',
      '去年，区文化馆被评为全区文旅系统先进集体，区文化馆祁晓峰被评为全区文旅系统先进个人。',
      '区图书馆阿依古丽、区文化馆龚明等同志被评为优秀志愿者。',
    ].join('\n');
    expect(facts(text)).toEqual({
      units: ['区文化馆'],
      individuals: [
        ['祁晓峰', '区文化馆'],
        ['阿依古丽', '区图书馆'],
        ['龚明', '区文化馆'],
      ],
    });
  });

  test('(女) after a name in a 名单 is not part of it', () => {
    const text = ['先进个人名单', '', '先进个人（3名）', '严志明　　县档案馆', '柏晓琳（女）　　县气象局', '戚国华　　县供销社'].join('\n');
    expect(facts(text).individuals).toEqual([
      ['严志明', '县档案馆'],
      ['柏晓琳', '县气象局'],
      ['戚国华', '县供销社'],
    ]);
  });
});

describe('English stories (#29, the first held-aside quarter)', () => {
  test('he or she after a person introduced or named by surname; a surname with its post; a scene phrase; pointed out', () => {
    const text = [
      'Zhou Lan, a cashier at the Wuxi Municipal Canteen, has kept the books for ten years. She said, “Every receipt tells a story.”',
      'Zhou Lan then handed over to the next speaker.',
      'Tang Wei was the last to speak. “We fixed the roof before the rains came,” said Tang, a caretaker from the Yixing Office Building Service Station.',
      'During the closing session, Gao Ming, director of the Wuxi Municipal Offices Administration, pointed out: “Small savings add up.”',
      'Gao stressed that the work must go on. “Nobody rests until the job is done,” he added.',
    ].join('\n');
    expect(findQuotes(text).map((quote) => [quote.speakerName, quote.speakerPosition, quote.speakerOrganization])).toEqual([
      ['Zhou Lan', 'cashier', 'Wuxi Municipal Canteen'],
      ['Tang Wei', 'caretaker', 'Yixing Office Building Service Station'],
      ['Gao Ming', 'director', 'Wuxi Municipal Offices Administration'],
      ['Gao Ming', 'director', 'Wuxi Municipal Offices Administration'],
    ]);
  });

  test('units and people named advanced collectives and individuals in one sentence', () => {
    const read = findCommendationFacts(
      'Among them, the Wuxi Archives Bureau and the Yixing Weather Station were named advanced collectives, while Zhou Lan and Tang Wei were among those named advanced individuals.'
    );
    expect([read.commendedUnits.map((unit) => unit.name), read.commendedIndividuals.map((person) => person.name)]).toEqual([
      ['Wuxi Archives Bureau', 'Yixing Weather Station'],
      ['Zhou Lan', 'Tang Wei'],
    ]);
  });
});
