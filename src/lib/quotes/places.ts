// The city (地级市) and district or county of an organisation's name: 温州市龙湾区… →
// 温州市 / 龙湾区, 常山县… → 衢州市 / 常山县, 海宁市… → 嘉兴市 / 海宁市. Zhejiang's
// county-level divisions (2024) are listed; elsewhere the first 市 in the name is the city.
const ZHEJIANG: Record<string, string> = {
  杭州市: '上城区 拱墅区 西湖区 滨江区 萧山区 余杭区 临平区 钱塘区 富阳区 临安区 桐庐县 淳安县 建德市',
  宁波市: '海曙区 江北区 北仑区 镇海区 鄞州区 奉化区 象山县 宁海县 余姚市 慈溪市',
  温州市: '鹿城区 龙湾区 瓯海区 洞头区 永嘉县 平阳县 苍南县 文成县 泰顺县 瑞安市 乐清市 龙港市',
  嘉兴市: '南湖区 秀洲区 嘉善县 海盐县 海宁市 平湖市 桐乡市',
  湖州市: '吴兴区 南浔区 德清县 长兴县 安吉县',
  绍兴市: '越城区 柯桥区 上虞区 新昌县 诸暨市 嵊州市',
  金华市: '婺城区 金东区 武义县 浦江县 磐安县 兰溪市 义乌市 东阳市 永康市',
  衢州市: '柯城区 衢江区 常山县 开化县 龙游县 江山市',
  舟山市: '定海区 普陀区 岱山县 嵊泗县',
  台州市: '椒江区 黄岩区 路桥区 三门县 天台县 仙居县 温岭市 临海市 玉环市',
  丽水市: '莲都区 青田县 缙云县 遂昌县 松阳县 云和县 庆元县 景宁畲族自治县 龙泉市',
};

const COUNTY_TO_CITY = new Map<string, string>();
for (const [city, counties] of Object.entries(ZHEJIANG)) for (const county of counties.split(' ')) COUNTY_TO_CITY.set(county, city);
const CITIES = Object.keys(ZHEJIANG);

export const placeOf = (name: string): { city: string | null; district: string | null } => {
  const text = name.replace(/^浙江省/, '');
  const city = CITIES.find((candidate) => text.startsWith(candidate) || text.startsWith(candidate.slice(0, -1)));
  const afterCity = city ? text.slice(text.startsWith(city) ? city.length : city.length - 1) : text;
  const county = [...COUNTY_TO_CITY.keys()].find((candidate) => afterCity.startsWith(candidate));
  if (county) return { city: COUNTY_TO_CITY.get(county)!, district: county };
  if (city) return { city, district: null };
  const other = /^(?:.{2,3}?(?:省|自治区))?(.{2,6}?市)/.exec(name);
  return { city: other ? other[1] : null, district: null };
};
