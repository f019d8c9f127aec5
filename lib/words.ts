/**
 * Word lists shared by the index builder (to reject non-names) and the page matcher (to tell a name's
 * neighbours from another name: "Secretary Noem" is Noem, "Melania Trump" is not Donald Trump).
 */
export const words = (s: string) => new Set(s.trim().split(/\s+/));

/** Capitalised only because they start a sentence (or a headline): never an entity on their own. */
export const ORDINARY_WORDS = words(`
a an the this that these those it its it's he she they we you i me him her them us our your their his my
in on at for with from by to of as into onto over under after before during since until while when where
why how what which who whom whose whether if then than but and or nor so yet also too both either neither
each every some many most much more less all any no not none such other another one two three four five
six seven eight nine ten first second third last next new old however meanwhile despite although though
because although thus therefore indeed moreover furthermore still even just only already again later
now today yesterday tomorrow here there according following amid among across along around about above
below between beyond within without against toward towards upon via per like unlike including regarding
concerning considering given having being is are was were be been do does did has have had will would
shall should can could may might must let lets said says say asked told according critics officials
experts analysts sources reports report many several few most others everyone someone nobody anyone
yes no please thanks thank dear hello hi oh well okay ok instead perhaps maybe certainly clearly
overall finally initially currently recently previously additionally similarly separately notably
ultimately especially particularly specifically generally typically usually often sometimes never
always once twice earlier late early sec section
`);

export const MONTHS_AND_DAYS = words(`
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
`);

/**
 * Titles that precede a person's name. Multi-word ones are listed as written; matching is on tokens.
 * "Secretary" also covers "Homeland Security Secretary": the words before it join the role.
 */
export const PERSON_TITLES = words(`
president vice-president secretary senator sen sen. representative rep rep. congressman congresswoman
governor gov gov. mayor minister premier chancellor king queen prince princess pope judge justice
attorney general gen gen. colonel col col. lieutenant lt lt. captain capt capt. sergeant sgt admiral
commander director chairman chairwoman chair commissioner ambassador speaker leader dr dr. mr mr.
mrs mrs. ms ms. miss sir dame lord lady rev rev. reverend father sister brother sheriff officer
detective inspector professor prof prof. chief ceo founder cofounder co-founder president-elect
pastor bishop archbishop cardinal rabbi imam sheikh emir sultan ayatollah spokesman spokeswoman
spokesperson deputy envoy councillor councilman councilwoman coach assistant advisor adviser
counselor counsellor manager associate aide strategist coordinator administrator skipper
producer analyst consultant editor reporter correspondent pres pres.
`);
