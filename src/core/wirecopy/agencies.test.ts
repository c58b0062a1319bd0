/**
 * One test per agency profile: three stories written here in the agency's house style
 * (public style facts: dateline form, sign-offs, end markers, page furniture; no copied
 * articles), pasted together as a feed would give them. Each must come out as its own
 * item with headline, place, date and agency read from the copy, and a body free of
 * sign-offs, end markers and furniture.
 */
import { describe, expect, it } from 'vitest';
import { importBodyText } from '../importFields';
import { DEFAULT_SETTINGS } from '../settings';
import { AGENCIES } from './agencies';
import { parseWireCopy } from './parse';

// The desk's own agency is none of these: every agency below must come from the copy.
const settings = { ...DEFAULT_SETTINGS, agency: 'Desk Agency', defaultSignOff: '' };
const now = new Date('2023-10-07T09:00:00Z');

interface Expected {
  headline: string;
  place: string;
  /** ISO date, '' when the dateline gives none. */
  date: string;
  /** How the body begins and ends. */
  first: string;
  last: string;
  signOff?: string;
  /** Lines that must be left out of the body (listed as dropped). */
  dropped?: string[];
}

interface Case {
  agency: string;
  copy: string;
  stories: Expected[];
}

const CASES: Case[] = [
  {
    agency: 'AP',
    copy: `Storm knocks out power to thousands in Ohio
By JANE MILLER
Associated Press
COLUMBUS, Ohio (AP) — A line of thunderstorms knocked out power to more than 40,000 homes and businesses across central Ohio on Tuesday, utility officials said.

Crews expected to restore most service by Wednesday evening.

___

Associated Press writer Tom Reyes in Cleveland contributed to this report.

Senate passes farm bill after late-night session
WASHINGTON (AP) — The Senate passed a sweeping farm bill early Friday, sending the measure to the House.

Advertisement

Lawmakers said the bill would extend crop insurance for five years.

Dollar edges higher as traders await jobs data
NEW YORK, Oct. 5, 2023 (AP) — The dollar edged higher against the euro on Thursday as traders waited for the monthly jobs report.
Follow AP's coverage of financial markets at https://apnews.com/hub/financial-markets
`,
    stories: [
      {
        headline: 'Storm knocks out power to thousands in Ohio',
        place: 'Columbus',
        date: '',
        first: 'A line of thunderstorms',
        last: 'contributed to this report.',
        dropped: ['Associated Press', '___'],
      },
      {
        headline: 'Senate passes farm bill after late-night session',
        place: 'Washington',
        date: '',
        first: 'The Senate passed',
        last: 'for five years.',
        dropped: ['Advertisement'],
      },
      {
        headline: 'Dollar edges higher as traders await jobs data',
        place: 'New York',
        date: '2023-10-05',
        first: 'The dollar edged higher',
        last: 'monthly jobs report.',
        dropped: ["Follow AP's coverage of financial markets at https://apnews.com/hub/financial-markets"],
      },
    ],
  },
  {
    agency: 'Reuters',
    copy: `Oil steadies as traders weigh supply risks
By Anna Kowalski
LONDON, Oct 6 (Reuters) - Oil prices held steady on Friday as traders weighed supply risks against signs of slowing demand.
Brent crude futures were flat at $84.10 a barrel by 0900 GMT.
(Reporting by Anna Kowalski; Editing by Mark Potter)
Our Standards: The Thomson Reuters Trust Principles.

Kazakh central bank holds key rate at 16.5%
ASTANA, Oct 6 (Reuters) - Kazakhstan's central bank kept its base rate unchanged on Friday, citing persistent inflation.
((Reporting by Olzhas Auyezov; olzhas.auyezov@example.com; +7 727 000 0000))

Центробанк Казахстана сохранил базовую ставку
АСТАНА, 6 октября (Рейтер) - Национальный банк Казахстана в пятницу сохранил базовую ставку.
(Reporting by Olzhas Auyezov)
`,
    stories: [
      {
        headline: 'Oil steadies as traders weigh supply risks',
        place: 'London',
        date: '2023-10-06',
        first: 'Oil prices held steady',
        last: '(Reporting by Anna Kowalski; Editing by Mark Potter)',
        dropped: ['Our Standards: The Thomson Reuters Trust Principles.'],
      },
      {
        headline: 'Kazakh central bank holds key rate at 16.5%',
        place: 'Astana',
        date: '2023-10-06',
        first: "Kazakhstan's central bank",
        last: 'citing persistent inflation.',
        dropped: ['((Reporting by Olzhas Auyezov; olzhas.auyezov@example.com; +7 727 000 0000))'],
      },
      {
        headline: 'Центробанк Казахстана сохранил базовую ставку',
        place: 'Астана',
        date: '2023-10-06',
        first: 'Национальный банк',
        last: '(Reporting by Olzhas Auyezov)',
      },
    ],
  },
  {
    agency: 'AFP',
    copy: `France to boost rail investment
PARIS, Oct 6, 2023 (AFP) - France will invest 100 billion euros in its rail network by 2040, the prime minister said Friday.
The plan includes new regional lines.
bur-jm/sba

Floods cut roads in eastern Libya
TRIPOLI, Oct 5, 2023 (AFP) - Heavy rain cut several roads in eastern Libya on Thursday, officials said.
pt-dt/cw
© 2023 AFP

La grève perturbe les transports à Lyon
Lyon (AFP) - Une grève des conducteurs a perturbé vendredi les transports en commun lyonnais.
Le trafic devrait reprendre samedi.
mpf/ab/sp
`,
    stories: [
      {
        headline: 'France to boost rail investment',
        place: 'Paris',
        date: '2023-10-06',
        first: 'France will invest',
        last: 'new regional lines.',
        dropped: ['bur-jm/sba'],
      },
      {
        headline: 'Floods cut roads in eastern Libya',
        place: 'Tripoli',
        date: '2023-10-05',
        first: 'Heavy rain cut',
        last: 'officials said.',
        dropped: ['pt-dt/cw', '© 2023 AFP'],
      },
      {
        headline: 'La grève perturbe les transports à Lyon',
        place: 'Lyon',
        date: '',
        first: 'Une grève des conducteurs',
        last: 'reprendre samedi.',
        dropped: ['mpf/ab/sp'],
      },
    ],
  },
  {
    agency: 'dpa',
    copy: `German exports fall for third month
Berlin (dpa) - German exports fell for the third month in a row in August, the Federal Statistical Office said on Friday.
Exports to China were down sharply.
dpa cb xx sm

Storm warning issued for North Sea coast
Hamburg (dpa) - The German weather service issued a storm warning for the North Sea coast on Friday.
dpa hm yyzz

Bahn-Streik: Pendler müssen umplanen
Frankfurt/Main (dpa) - Pendler im Rhein-Main-Gebiet müssen sich am Montag auf Zugausfälle einstellen.
dpa lhe xx n1 jo
`,
    stories: [
      {
        headline: 'German exports fall for third month',
        place: 'Berlin',
        date: '',
        first: 'German exports fell',
        last: 'down sharply.',
        dropped: ['dpa cb xx sm'],
      },
      {
        headline: 'Storm warning issued for North Sea coast',
        place: 'Hamburg',
        date: '',
        first: 'The German weather service',
        last: 'on Friday.',
        dropped: ['dpa hm yyzz'],
      },
      {
        headline: 'Bahn-Streik: Pendler müssen umplanen',
        place: 'Frankfurt/Main',
        date: '',
        first: 'Pendler im Rhein-Main-Gebiet',
        last: 'einstellen.',
        dropped: ['dpa lhe xx n1 jo'],
      },
    ],
  },
  {
    agency: 'Xinhua',
    copy: `China's foreign trade edges up in first three quarters
BEIJING, Oct. 6 (Xinhua) -- China's foreign trade rose 0.2 percent year on year in the first three quarters, official data showed Friday.
Exports of electric vehicles grew fastest. Enditem

Chinese, Kazakh leaders discuss rail links
BEIJING, Oct. 5 (Xinhua) -- Chinese and Kazakh officials on Thursday discussed new cross-border rail links.
The two sides agreed to speed up construction.
Enditem

Китай и Казахстан обсудили железнодорожное сообщение
Пекин, 5 октября /Синьхуа/ -- Официальные лица Китая и Казахстана в четверг обсудили новые железнодорожные маршруты.
Enditem
`,
    stories: [
      {
        headline: "China's foreign trade edges up in first three quarters",
        place: 'Beijing',
        date: '2023-10-06',
        first: "China's foreign trade rose",
        last: 'grew fastest.',
        signOff: 'Enditem',
      },
      {
        headline: 'Chinese, Kazakh leaders discuss rail links',
        place: 'Beijing',
        date: '2023-10-05',
        first: 'Chinese and Kazakh officials',
        last: 'speed up construction.',
        signOff: 'Enditem',
      },
      {
        headline: 'Китай и Казахстан обсудили железнодорожное сообщение',
        place: 'Пекин',
        date: '2023-10-05',
        first: 'Официальные лица',
        last: 'маршруты.',
        signOff: 'Enditem',
      },
    ],
  },
  {
    agency: 'TASS',
    copy: `Russia, Kazakhstan agree on grain transit
MOSCOW, October 6. /TASS/. Russia and Kazakhstan have agreed on the transit of grain to third countries, the Agriculture Ministry said on Friday.
The agreement takes effect in November.

Forum on Arctic shipping opens
ST. PETERSBURG, October 5. /TASS/. An international forum on Arctic shipping opened in St. Petersburg on Thursday.

Правительство утвердило план по развитию портов
МОСКВА, 4 октября. /ТАСС/. Правительство РФ утвердило план развития морских портов до 2030 года.
Об этом сообщила пресс-служба кабмина.
`,
    stories: [
      {
        headline: 'Russia, Kazakhstan agree on grain transit',
        place: 'Moscow',
        date: '2023-10-06',
        first: 'Russia and Kazakhstan have agreed',
        last: 'takes effect in November.',
      },
      { headline: 'Forum on Arctic shipping opens', place: 'St. Petersburg', date: '2023-10-05', first: 'An international forum', last: 'on Thursday.' },
      {
        headline: 'Правительство утвердило план по развитию портов',
        place: 'Москва',
        date: '2023-10-04',
        first: 'Правительство РФ',
        last: 'пресс-служба кабмина.',
      },
    ],
  },
  {
    agency: 'Interfax',
    copy: `Ruble strengthens against dollar
MOSCOW. Oct 6 (Interfax) - The ruble strengthened against the dollar in early trading on the Moscow Exchange on Friday.

Port of St. Petersburg handles more containers
ST. PETERSBURG. Oct 5 (Interfax) - The Big Port of St. Petersburg handled more containers in September than a year earlier.
The port authority gave no figures.

ЦБ сохранил ключевую ставку
Москва. 6 октября. ИНТЕРФАКС - Банк России сохранил ключевую ставку, сообщил регулятор в пятницу.
`,
    stories: [
      { headline: 'Ruble strengthens against dollar', place: 'Moscow', date: '2023-10-06', first: 'The ruble strengthened', last: 'on Friday.' },
      {
        headline: 'Port of St. Petersburg handles more containers',
        place: 'St. Petersburg',
        date: '2023-10-05',
        first: 'The Big Port',
        last: 'gave no figures.',
      },
      { headline: 'ЦБ сохранил ключевую ставку', place: 'Москва', date: '2023-10-06', first: 'Банк России', last: 'в пятницу.' },
    ],
  },
  {
    agency: 'Anadolu',
    copy: `Türkiye, Azerbaijan discuss energy cooperation
ANKARA (AA) - Turkish and Azerbaijani energy ministers met in Ankara on Friday to discuss gas supplies.
Anadolu Agency website contains only a portion of the news stories offered to subscribers in the AA News Broadcasting System (HAS), and in summarized form. Please contact us for subscription options.

Istanbul airport sets passenger record
ISTANBUL (AA) - Istanbul Airport served a record number of passengers in September, its operator said.
Update : 06.10.2023

Турция и Азербайджан обсудили энергетику
АНКАРА (АА) - Министры энергетики Турции и Азербайджана в пятницу обсудили поставки газа.
`,
    stories: [
      {
        headline: 'Türkiye, Azerbaijan discuss energy cooperation',
        place: 'Ankara',
        date: '',
        first: 'Turkish and Azerbaijani',
        last: 'gas supplies.',
        dropped: [
          'Anadolu Agency website contains only a portion of the news stories offered to subscribers in the AA News Broadcasting System (HAS), and in summarized form. Please contact us for subscription options.',
        ],
      },
      {
        headline: 'Istanbul airport sets passenger record',
        place: 'Istanbul',
        date: '',
        first: 'Istanbul Airport served',
        last: 'its operator said.',
        dropped: ['Update : 06.10.2023'],
      },
      { headline: 'Турция и Азербайджан обсудили энергетику', place: 'Анкара', date: '', first: 'Министры энергетики', last: 'поставки газа.' },
    ],
  },
  {
    agency: 'AZERTAC',
    copy: `President Ilham Aliyev receives delegation of European Parliament
Baku, October 6, AZERTAC
President of the Republic of Azerbaijan Ilham Aliyev has received a delegation of the European Parliament.
The sides discussed regional issues.

Azerbaijan's non-oil exports increase
Baku, October 5, AZERTAC
Azerbaijan's non-oil exports increased in the first nine months of the year.

Президент Ильхам Алиев принял делегацию Европарламента
Баку, 6 октября, АЗЕРТАДЖ
Президент Азербайджанской Республики Ильхам Алиев принял делегацию Европейского парламента.
`,
    stories: [
      {
        headline: 'President Ilham Aliyev receives delegation of European Parliament',
        place: 'Baku',
        date: '2023-10-06',
        first: 'President of the Republic',
        last: 'regional issues.',
      },
      { headline: "Azerbaijan's non-oil exports increase", place: 'Baku', date: '2023-10-05', first: "Azerbaijan's non-oil exports", last: 'of the year.' },
      {
        headline: 'Президент Ильхам Алиев принял делегацию Европарламента',
        place: 'Баку',
        date: '2023-10-06',
        first: 'Президент Азербайджанской',
        last: 'парламента.',
      },
    ],
  },
  {
    agency: 'Trend',
    copy: `Azerbaijan, Uzbekistan eye trade growth
BAKU, Azerbaijan, Oct. 6. /Trend/ Azerbaijan and Uzbekistan plan to double bilateral trade, the economy minister said.
Stay up-to-date with more news at Trend News Agency's WhatsApp channel

Caspian shipping volumes rise
BAKU, Azerbaijan, Oct. 5. /Trend/ Cargo volumes on Caspian routes rose in September.
Follow the author on X: @example

Азербайджан и Узбекистан нарастят товарооборот
БАКУ /Тренд/ - Азербайджан и Узбекистан планируют удвоить товарооборот.
`,
    stories: [
      {
        headline: 'Azerbaijan, Uzbekistan eye trade growth',
        place: 'Baku',
        date: '2023-10-06',
        first: 'Azerbaijan and Uzbekistan plan',
        last: 'the economy minister said.',
        dropped: ["Stay up-to-date with more news at Trend News Agency's WhatsApp channel"],
      },
      {
        headline: 'Caspian shipping volumes rise',
        place: 'Baku',
        date: '2023-10-05',
        first: 'Cargo volumes',
        last: 'in September.',
        dropped: ['Follow the author on X: @example'],
      },
      { headline: 'Азербайджан и Узбекистан нарастят товарооборот', place: 'Баку', date: '', first: 'Азербайджан и Узбекистан', last: 'товарооборот.' },
    ],
  },
  {
    agency: 'APA',
    copy: `Azerbaijani FM meets OSCE chairman
Baku, October 6 (APA) - Azerbaijani Foreign Minister met the OSCE Chairman-in-Office in Baku on Friday.

Caspian oil output reported stable
BAKU, October 5, APA. Oil output in the Azerbaijani sector of the Caspian remained stable in September.

Глава МИД Азербайджана встретился с председателем ОБСЕ
Баку. 6 октября. APA. Министр иностранных дел Азербайджана в пятницу встретился с действующим председателем ОБСЕ.
`,
    stories: [
      { headline: 'Azerbaijani FM meets OSCE chairman', place: 'Baku', date: '2023-10-06', first: 'Azerbaijani Foreign Minister', last: 'on Friday.' },
      { headline: 'Caspian oil output reported stable', place: 'Baku', date: '2023-10-05', first: 'Oil output', last: 'in September.' },
      {
        headline: 'Глава МИД Азербайджана встретился с председателем ОБСЕ',
        place: 'Баку',
        date: '2023-10-06',
        first: 'Министр иностранных дел',
        last: 'председателем ОБСЕ.',
      },
    ],
  },
  {
    agency: 'Turan',
    copy: `Azerbaijan and Georgia discuss border crossing
Baku/06.10.23/Turan: Azerbaijan and Georgia discussed a new border crossing on Friday.
The talks will continue in Tbilisi. ---06B---
-
Inflation slows in September
Baku/05.10.23/Turan: Annual inflation slowed in September, the statistics committee said.
---AZ1---
-
Инфляция замедлилась в сентябре
Баку/05.10.23/Туран: Годовая инфляция в сентябре замедлилась. ---06R---
`,
    stories: [
      {
        headline: 'Azerbaijan and Georgia discuss border crossing',
        place: 'Baku',
        date: '2023-10-06',
        first: 'Azerbaijan and Georgia discussed',
        last: 'continue in Tbilisi.',
        signOff: '06B',
      },
      { headline: 'Inflation slows in September', place: 'Baku', date: '2023-10-05', first: 'Annual inflation', last: 'committee said.', signOff: 'AZ1' },
      { headline: 'Инфляция замедлилась в сентябре', place: 'Баку', date: '2023-10-05', first: 'Годовая инфляция', last: 'замедлилась.', signOff: '06R' },
    ],
  },
  {
    agency: 'Armenpress',
    copy: `Armenia, France sign defense agreement
YEREVAN, OCTOBER 6, ARMENPRESS. Armenia and France signed an agreement on defense cooperation on Friday.
The document was signed in Paris.

Yerevan metro to get new trains
YEREVAN, OCTOBER 5, ARMENPRESS. The Yerevan metro will receive new trains next year, the city said.

Армения и Франция подписали соглашение
ЕРЕВАН, 6 ОКТЯБРЯ, АРМЕНПРЕСС. Армения и Франция в пятницу подписали соглашение о сотрудничестве в сфере обороны.
`,
    stories: [
      {
        headline: 'Armenia, France sign defense agreement',
        place: 'Yerevan',
        date: '2023-10-06',
        first: 'Armenia and France signed',
        last: 'signed in Paris.',
      },
      { headline: 'Yerevan metro to get new trains', place: 'Yerevan', date: '2023-10-05', first: 'The Yerevan metro', last: 'the city said.' },
      { headline: 'Армения и Франция подписали соглашение', place: 'Ереван', date: '2023-10-06', first: 'Армения и Франция', last: 'сфере обороны.' },
    ],
  },
  {
    agency: 'Kazinform',
    copy: `Kazakhstan to build new grain terminal
ASTANA. KAZINFORM – Kazakhstan will build a new grain terminal on the Caspian coast, the ministry said.

Almaty hosts Central Asian media forum
ALMATY. October 5. KAZINFORM - A Central Asian media forum opened in Almaty on Thursday.

В Казахстане построят новый зерновой терминал
АСТАНА. КАЗИНФОРМ – В Казахстане построят новый зерновой терминал на побережье Каспия.
`,
    stories: [
      { headline: 'Kazakhstan to build new grain terminal', place: 'Astana', date: '', first: 'Kazakhstan will build', last: 'the ministry said.' },
      { headline: 'Almaty hosts Central Asian media forum', place: 'Almaty', date: '2023-10-05', first: 'A Central Asian media forum', last: 'on Thursday.' },
      { headline: 'В Казахстане построят новый зерновой терминал', place: 'Астана', date: '', first: 'В Казахстане построят', last: 'побережье Каспия.' },
    ],
  },
  {
    agency: 'PTI',
    copy: `Govt approves new rail projects
New Delhi, Oct 6 (PTI) The Union Cabinet on Friday approved three new railway projects worth Rs 12,000 crore.
The projects will be completed in five years.
PTI ABC DV

Monsoon withdraws from northwest India
New Delhi, Oct 5 (PTI) The southwest monsoon has withdrawn from northwest India, the weather office said on Thursday.
PTI GVS RT

Mumbai civic body plans new flyovers
Mumbai, Oct 5 (PTI) The city's civic body plans to build four new flyovers, officials said.
PTI KK NSK
`,
    stories: [
      {
        headline: 'Govt approves new rail projects',
        place: 'New Delhi',
        date: '2023-10-06',
        first: 'The Union Cabinet',
        last: 'in five years.',
        dropped: ['PTI ABC DV'],
      },
      {
        headline: 'Monsoon withdraws from northwest India',
        place: 'New Delhi',
        date: '2023-10-05',
        first: 'The southwest monsoon',
        last: 'on Thursday.',
        dropped: ['PTI GVS RT'],
      },
      {
        headline: 'Mumbai civic body plans new flyovers',
        place: 'Mumbai',
        date: '2023-10-05',
        first: "The city's civic body",
        last: 'officials said.',
        dropped: ['PTI KK NSK'],
      },
    ],
  },
  {
    agency: 'EFE',
    copy: `Spain's unemployment falls in September
Madrid, Oct 6 (EFE).- Registered unemployment in Spain fell in September, the labor ministry said on Friday.
EFE jl/ig

Colombia and Venezuela reopen border crossing
Bogota, Oct 5 (EFE).- Colombia and Venezuela reopened a border crossing on Thursday.
EFE-EPA

El paro baja en septiembre
Madrid, 6 oct (EFE).- El paro registrado bajó en septiembre, según informó este viernes el Ministerio de Trabajo.
EFE abc/mr
`,
    stories: [
      {
        headline: "Spain's unemployment falls in September",
        place: 'Madrid',
        date: '2023-10-06',
        first: 'Registered unemployment',
        last: 'on Friday.',
        dropped: ['EFE jl/ig'],
      },
      {
        headline: 'Colombia and Venezuela reopen border crossing',
        place: 'Bogota',
        date: '2023-10-05',
        first: 'Colombia and Venezuela',
        last: 'on Thursday.',
        dropped: ['EFE-EPA'],
      },
      {
        headline: 'El paro baja en septiembre',
        place: 'Madrid',
        date: '2023-10-06',
        first: 'El paro registrado',
        last: 'Ministerio de Trabajo.',
        dropped: ['EFE abc/mr'],
      },
    ],
  },
  {
    agency: 'ANSA',
    copy: `Italy approves budget plan
(ANSA) - ROME, OCT 6 - The Italian government approved its budget plan for next year on Friday.
The plan now goes to parliament. (ANSA).

Venice tightens rules for tour groups
(ANSA) - VENICE, OCT 5 - Venice will limit the size of tour groups from next year, the city council said.
(ANSA).

Il governo approva la manovra
(ANSA) - ROMA, 6 OTT - Il Consiglio dei ministri ha approvato venerdì la manovra per il prossimo anno. (ANSA).
`,
    stories: [
      {
        headline: 'Italy approves budget plan',
        place: 'Rome',
        date: '2023-10-06',
        first: 'The Italian government',
        last: 'goes to parliament.',
        dropped: ['(ANSA).'],
      },
      {
        headline: 'Venice tightens rules for tour groups',
        place: 'Venice',
        date: '2023-10-05',
        first: 'Venice will limit',
        last: 'city council said.',
        dropped: ['(ANSA).'],
      },
      {
        headline: 'Il governo approva la manovra',
        place: 'Roma',
        date: '2023-10-06',
        first: 'Il Consiglio dei ministri',
        last: 'prossimo anno.',
        dropped: ['(ANSA).'],
      },
    ],
  },
  {
    agency: 'Kyodo',
    copy: `Japan's current account surplus widens
TOKYO, Oct. 6 Kyodo - Japan's current account surplus widened in August, the Finance Ministry said Friday.
==Kyodo

Osaka expo site construction behind schedule
OSAKA, Oct. 5 Kyodo - Construction of pavilions for the Osaka expo is behind schedule, organizers said Thursday.
==Kyodo

Typhoon approaches Okinawa
NAHA, Japan, Oct. 5 Kyodo - A strong typhoon approached Okinawa on Thursday, disrupting flights.
==Kyodo
`,
    stories: [
      {
        headline: "Japan's current account surplus widens",
        place: 'Tokyo',
        date: '2023-10-06',
        first: "Japan's current account",
        last: 'said Friday.',
        signOff: 'Kyodo',
      },
      {
        headline: 'Osaka expo site construction behind schedule',
        place: 'Osaka',
        date: '2023-10-05',
        first: 'Construction of pavilions',
        last: 'said Thursday.',
        signOff: 'Kyodo',
      },
      { headline: 'Typhoon approaches Okinawa', place: 'Naha', date: '2023-10-05', first: 'A strong typhoon', last: 'disrupting flights.', signOff: 'Kyodo' },
    ],
  },
];

describe('agency profiles: three stories in each house style', () => {
  it('covers every profile in the table', () => {
    expect(CASES.map((c) => c.agency).sort()).toEqual(AGENCIES.map((a) => a.name).sort());
  });

  it.each(CASES)('$agency', ({ agency, copy, stories }) => {
    const r = parseWireCopy(copy, { settings, now });
    expect(r.items.map((i) => i.fields.headline)).toEqual(stories.map((s) => s.headline));
    for (const [n, s] of stories.entries()) {
      const item = r.items[n]!;
      const body = importBodyText(item.fields.body);
      expect({ n, ...item.fields.dateline }).toEqual({ n, place: s.place, date: s.date, agency });
      expect(item.agencyFromDesk).toBe(false);
      expect(body.startsWith(s.first), `${agency} #${n + 1} body starts: ${body.slice(0, 60)}`).toBe(true);
      expect(body.endsWith(s.last), `${agency} #${n + 1} body ends: ${body.slice(-60)}`).toBe(true);
      expect(item.fields.signOff).toBe(s.signOff ?? '');
      expect(item.dropped.map((d) => d.text)).toEqual(s.dropped ?? []);
      for (const d of s.dropped ?? []) expect(body.split('\n')).not.toContain(d);
    }
  });
});
