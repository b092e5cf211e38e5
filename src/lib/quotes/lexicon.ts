// Words the quote finder (./finder.ts) knows: how Chinese government news names a
// speaker (organisation, then position, then name, then a verb) and what it quotes that
// is not speech. Written for this project from the agency's pages; extend the lists, not
// the code, when a page uses a title or a verb they lack.

/**
 * Positions (职务), longest first within a family so that the longest one is taken.
 * A position may be preceded by a department (办公室负责人, 机关党委专职副书记).
 */
export const POSITIONS = [
  '机关党委专职副书记',
  '机关党委书记',
  '机关党委副书记',
  '专职副书记',
  '党组副书记',
  '党组书记',
  '党组成员',
  '党委副书记',
  '党委书记',
  '党委委员',
  '纪检组长',
  '纪委书记',
  '常务副秘书长',
  '副秘书长',
  '秘书长',
  '常务副局长',
  '一级巡视员',
  '二级巡视员',
  '一级调研员',
  '二级调研员',
  '巡视员',
  '调研员',
  '办公室负责人',
  '办公室主任',
  '负责人',
  '副书记',
  '书记',
  '副局长',
  '局长',
  '副主任',
  '主任',
  '副厅长',
  '厅长',
  '副部长',
  '部长',
  '副处长',
  '处长',
  '副科长',
  '科长',
  '副省长',
  '省长',
  '副市长',
  '市长',
  '副县长',
  '县长',
  '副区长',
  '区长',
  '副镇长',
  '镇长',
  '副主席',
  '主席',
  '副院长',
  '院长',
  '副所长',
  '所长',
  '副校长',
  '校长',
  '副馆长',
  '馆长',
  '副站长',
  '站长',
  '副队长',
  '队长',
  '副组长',
  '组长',
  '总经理',
  '副总经理',
  '董事长',
  '经理',
  '主管',
  '总监',
  '委员',
  '厨师长',
  '厨师',
  '面点师',
  '营养师',
  '工程师',
  '会计',
  '主治医师',
  '主任医师',
  '副主任医师',
  '医师',
  '医生',
  '护士长',
  '教师',
  '班长',
  '股长',
  '党工委书记',
  '党工委副书记',
  '党工委委员',
  '采购员',
  '保管员',
  '安保员',
  '炊事员',
  '驾驶员',
  '水电工',
  '电工',
  '环卫工',
  '技工',
  '管理员',
  '服务员',
  '工作人员',
  '干部',
  '职工',
  '代表',
].sort((a, b) => b.length - a.length);

/** A trade not in the list (护林员, 馆员, 律师): one or two characters, then 员 or 师. */
export const GENERIC_POSITION = /^[\u4e00-\u9fa5]{1,2}(?:员|师)$/;

/** What follows a speaker's name: speech verbs and the other predicates of this kind of writing. */
export const AFTER_NAME = [
  '说',
  '表示',
  '介绍',
  '指出',
  '强调',
  '谈到',
  '谈起',
  '坦言',
  '感慨',
  '感叹',
  '感动',
  '激动',
  '激情',
  '动情',
  '深有感触',
  '深情',
  '笑着',
  '告诉',
  '认为',
  '称',
  '回忆',
  '补充',
  '总结',
  '道',
  '在',
  '对',
  '向',
  '就',
  '现场',
  '发言',
  '分享',
  '也',
  '还',
  '则',
  '更',
  '一',
  '满怀',
  '信心',
  '自豪',
  '骄傲',
  '兴奋',
  '高兴',
  '表态',
  '承诺',
  '希望',
  '坚定',
  '首先',
  '同时',
  '又',
  '这样',
  '作',
  '接过',
  '难掩',
  '语气',
  '脸上',
  '直言',
  '透露',
  '通报',
  '评价',
  '反映',
  '谈及',
  '说起',
  '感言',
  '的一句话',
  '常挂在嘴边',
  '深有体会',
  '颇有感触',
  '明确',
  '详细',
  '欣慰',
  '由衷',
  '笑',
  '接着',
  '回答',
  '答',
  '解释',
  '建议',
  '呼吁',
  '提醒',
  '叮嘱',
  '寄语',
  '欣喜',
  '郑重',
  '语重心长',
  '感触',
  '诚恳',
  '认真',
  '接受',
];

/** Speech verbs. */
export const VERBS =
  '说|表示|介绍|指出|强调|谈到|谈起|谈及|坦言|直言|感慨|感叹|感言|告诉记者|认为|称|回忆道|回忆|补充道|总结道|透露|要求|评价|反映|通报|分享|解释|建议|呼吁|提醒|叮嘱|寄语|回答|答道|笑道|点赞|道';
/** Speech verbs: an attribution names one of them (or another predicate after a name). */
export const SPEECH_VERB = new RegExp(`(?:${VERBS})[:：,，]?$`);
/** A speech verb anywhere in a short stretch (一边揉面一边笑着说, 在总结时感慨, 分享了她的体会). */
export const SPEECH_ANY = new RegExp(`(?:${VERBS})`);

/** A speech verb right after a name (王小道说: the name is 王小道, not 王小). */
export const SPEECH_START =
  /^(?:说|表示|指出|强调|介绍|谈到|坦言|直言|感慨|感叹|告诉|认为|称|回忆|透露|补充说|总结道|在[^,，。:：]{0,12}?(?:上|中|时)(?:说|表示|指出|强调|介绍|透露|感慨))/;

/** Positions written after a name (习近平总书记强调, 李强总理指出). */
export const POSITIONS_AFTER_NAME = ['总书记', '总理', '委员长', '副主席', '主席', '同志'];

/** Words that stand for the last named person (他们, 其中, 其他 are not). */
export const PRONOUN = /^(?:他|她|其|该同志)(?!们|中|他|它|余|实|次)/;

/** Collective speakers: the quote is theirs, not a named person's (stored as 与会代表). */
export const COLLECTIVE = /大家|与会代表|与会人员|参会代表|代表们|干部职工们|群众们|的代表/;
export const COLLECTIVE_NAME = '与会代表';
/**
 * A group named as the speaker, right before its verb: 不少基层干部坦言, 参训学员们普遍反映,
 * 就餐的干部们纷纷说. The group's words are its name (大家 and 他们 name no group: 与会代表).
 */
export const GROUP = new RegExp(
  `^(?:[^,，。]*的)?((?:不少|许多|很多|多位|多名|部分|广大|与会|参会|参训|受表彰|一些)?[\u4e00-\u9fa5]{0,8}?(?:们|代表|干部|学员|群众|职工|人员|党员|村民|居民|市民|员工|同志)|大家|他们|她们)(?:也|都|还|又|纷纷|一致|普遍|均|再次|笑着|[\\u4e00-\\u9fa5]{1,4}地|在[^,，。]{1,10}?(?:时|上|中|后))*(?:${VERBS}|感叹|称赞|赞叹|反映)`
);

/** Words before a name that say how the person relates to someone (同事黄丽娟): neither organisation nor position. */
export const RELATIONS = ['同事', '徒弟', '师傅', '战友', '同学', '家人', '记者'];

/** How an organisation's name ends: what is left before a position must end so to be one (面点 + 班长 is one position). */
export const ORG_END =
  /(?:局|中心|厅|办|委|会|所|院|站|处|科|股|室|部|队|组|司|团|校|学|堂|府|镇|乡|街道|村|社区|协|馆|厂|社|台|县|市|区|省|州|旗|盟|仓|库|园|城|营|场|行|店|报|刊|网|署|盟市)$/;

/** Descriptors before an organisation, dropped from it (先进集体代表、…, 来自…的). */
export const DESCRIPTORS = [
  /^.*?(?:先进集体|先进个人|先进工作者|劳动模范|获奖集体|获奖个人|受表彰(?:集体|个人))(?:代表)?[,，、]?/,
  /^(?:来自|作为)/,
];

/**
 * Common single-character surnames (百家姓, the ~200 most frequent) and the double ones:
 * a name starts with one of them.
 */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封储钮' +
  '鄢蔺竺晋骆习';
export const DOUBLE_SURNAMES = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '夏侯',
  '司徒',
  '令狐',
  '宇文',
];

/** Sentence-final punctuation: a quote ending in one is speech, not a quoted term. */
export const TERMINAL = /[。!?！？…;；]$/;
