//! Table tests for the context labels: one line a case, the text, the amount
//! (by its surface) and the labels expected for it. Each cue class of the
//! lexicon has its cases, and so do the hard ones (a whole and its part, a
//! figure that is not aid, a figure quoted from an official or stated by the
//! outlet itself).

use super::*;
use crate::article::Article;
use crate::extract::extract;

fn labels_with(lex: &Lexicon, outlet: Option<&str>, text: &str) -> Vec<(String, Context)> {
    let article = Article::new(Some("t".into()), outlet.map(str::to_string), None, None, None, text.into(), "t".into());
    let money = extract(text);
    let contexts = classify(&article, &money, lex);
    money.into_iter().map(|m| m.surface).zip(contexts).collect()
}

fn labels(text: &str) -> Vec<(String, Context)> {
    labels_with(Lexicon::default_lexicon(), None, text)
}

fn the(text: &str, surface: &str) -> Context {
    labels(text)
        .into_iter()
        .find(|(s, _)| s == surface)
        .map(|(_, c)| c)
        .unwrap_or_else(|| panic!("no mention {surface:?} in {text:?}"))
}

/// (text, amount, expected value of one label)
type Case = (&'static str, &'static str, &'static str);

fn check(field: &str, cases: &[Case], get: impl Fn(&Context) -> String) {
    let mut failures = Vec::new();
    for (text, surface, want) in cases {
        let c = the(text, surface);
        let got = get(&c);
        if got != *want {
            let why: Vec<String> = c
                .explain
                .iter()
                .filter(|w| w.label == field)
                .map(|w| format!("{} ({:?})", w.rule, w.cue(text)))
                .collect();
            failures.push(format!("{text:?} {surface}: want {want}, got {got} [{}]", why.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{field}: {} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn categories() {
    check(
        "category",
        &[
            // What a state needs to keep running is budget support; the
            // size of its economy is no aid.
            ("Ukraine needs $37 billion to keep its economy going in 2024.", "$37 billion", "financial"),
            ("The economy of Ukraine shrank to $160 billion in 2023.", "$160 billion", "other"),
            // Both forms of money named together are the whole.
            (
                "A year ago the conference collected 7.5 billion euros in grants and loans for Syria.",
                "7.5 billion euros",
                "total",
            ),
            ("The Pentagon unveiled a $1.2 billion package of security aid for Ukraine.", "$1.2 billion", "military"),
            ("Military assistance provided so far amounts to $62 billion.", "$62 billion", "military"),
            ("The G7 agreed a $50bn loan for Ukraine.", "$50bn", "financial"),
            ("Kyiv received $3 billion of budget support.", "$3 billion", "financial"),
            ("Rich countries agreed to provide $300 billion a year in climate finance.", "$300 billion", "other"),
            // "Aid" in an article on a humanitarian appeal is relief.
            (
                "UN seeks $5 billion in aid for Afghanistan. The humanitarian appeal covers shelter and refugees, with $1 billion for food alone.",
                "$5 billion",
                "humanitarian",
            ),
            // A German compound opened by a kind of aid is of that kind.
            ("Der Bund beantragt ein Nothilfepaket über 140 Millionen Franken.", "140 Millionen Franken", "humanitarian"),
            // No kind in the figure's sentence or paragraph: the article's theme, where one kind leads.
            (
                "Geneva appeal raises $500 million in humanitarian relief for flood victims. Refugees need shelter.\n\n\
                 Japan pledged $10 million on Tuesday.",
                "$10 million",
                "humanitarian",
            ),
            (
                "Kyiv got $1 billion of military aid and $1 billion in humanitarian relief.\n\nJapan pledged $10 million.",
                "$10 million",
                "total",
            ),
            ("The UN asked for $3 billion in humanitarian relief for Ukraine.", "$3 billion", "humanitarian"),
            ("Rebuilding Ukraine will cost $400 billion, the World Bank says.", "$400 billion", "reconstruction"),
            ("Congress approved a $95 billion aid package.", "$95 billion", "total"),
            ("Norway pledged €7 billion of military and financial aid to Ukraine.", "€7 billion", "total"),
            ("Russia's $300 billion in frozen assets sit in Europe.", "$300 billion", "other"),
            ("A $50bn loan, repaid from the interest on $300 billion of immobilised assets.", "$300 billion", "other"),
            ("A $50bn loan, repaid from the interest on $300 billion of immobilised assets.", "$50bn", "financial"),
            ("The war is costing Ukraine $5 billion a month.", "$5 billion", "other"),
            // A cost word does not unmake aid: financing that plugs a deficit is aid.
            ("External financing of $12 billion came in to plug the budget deficit.", "$12 billion", "financial"),
            // Nothing in the sentence or its paragraph: the headline's kind.
            ("Humanitarian relief for Ukraine\n\nDonors pledged $2 billion on Monday.", "$2 billion", "humanitarian"),
            // Nothing said: the donor's usual kind, from the lexicon.
            ("EU leaders signed off on €50 billion for Ukraine.", "€50 billion", "financial"),
        ],
        |c| c.category.to_string(),
    );
}

#[test]
fn statuses() {
    check(
        "status",
        &[
            // An agreement that a sentence beside it says awaits its
            // decision is pending; a past hold-up beside a pledge is not.
            (
                "Dakar and the IMF agreed on a $1.8 billion programme. The deal must still be approved by the board.",
                "$1.8 billion",
                "pending",
            ),
            (
                "Si le conseil, qui doit l'examiner en juin, ne soulève pas d'objection, le Cameroun pourra recevoir 118,6 millions de dollars.",
                "118,6 millions de dollars",
                "pending",
            ),
            (
                "The board approved a $1.3 billion arrangement. The approval follows a staff-level agreement reached in March.",
                "$1.3 billion",
                "approved",
            ),
            (
                "Hungary had held up the money for weeks. The EU pledged €50 billion to Ukraine.",
                "€50 billion",
                "pledged",
            ),
            // An agreement a board must still approve is pending.
            (
                "Pakistan and IMF staff reached a staff-level agreement on a $7 billion loan, subject to approval by the Executive Board.",
                "$7 billion",
                "pending",
            ),
            ("Another $60 billion for Ukraine is stalled in Congress.", "$60 billion", "pending"),
            ("The House passed $61 billion in aid for Ukraine.", "$61 billion", "pending"),
            // A vote in an earlier sentence of the paragraph by one chamber.
            (
                "The House of Representatives adopted the bill on Saturday. It sets aside $26 billion for Israel.",
                "$26 billion",
                "pending",
            ),
            // A vote takes the chamber its paragraph names.
            (
                "The House voted on four bills on Saturday. The $26 billion bill for Israel passed 366-58.",
                "$26 billion",
                "pending",
            ),
            (
                "The House and the Senate met in Congress. The $26 billion bill for Israel passed 366-58.",
                "$26 billion",
                "approved",
            ),
            ("It exceeds the $33 billion requested by the president.", "$33 billion", "requested"),
            ("The White House is preparing about $800 million in aid for Ukraine.", "$800 million", "proposed"),
            ("Congress approved $40 billion for Ukraine.", "$40 billion", "approved"),
            ("Biden signed the $95 billion measure into law.", "$95 billion", "approved"),
            ("Britain pledged £1 billion in military aid to Ukraine.", "£1 billion", "pledged"),
            ("The US has committed $4.6 billion in military aid to Ukraine.", "$4.6 billion", "committed"),
            ("The administration earmarked $2bn of assistance for Ukraine.", "$2bn", "allocated"),
            ("Germany has sent €5 billion of weapons to Ukraine.", "€5 billion", "delivered"),
            ("Treasury paid out a $20 billion loan to Ukraine.", "$20 billion", "disbursed"),
            // A stage still to come is promised.
            ("The €17 billion in grants is to be paid out between 2024 and 2027.", "€17 billion", "pledged"),
            // Financial aid that arrives is disbursed.
            ("Ukraine received a €1.5 billion loan from the EU.", "€1.5 billion", "disbursed"),
            ("He keeps claiming US aid amounts to $350 billion.", "$350 billion", "unknown"),
            ("Russia's $300 billion in frozen assets sit in Europe.", "$300 billion", "unknown"),
            // German and French verbs, and the English forms of a deal.
            ("Der Bundestag hat 8 Milliarden Euro für die Ukraine bewilligt.", "8 Milliarden Euro", "approved"),
            ("Berlin hat der Ukraine 500 Millionen Euro zugesagt.", "500 Millionen Euro", "pledged"),
            ("Die Schweiz hat bislang drei Milliarden Franken ausgegeben.", "drei Milliarden Franken", "disbursed"),
            ("La France a versé 300 millions d'euros à l'Ukraine.", "300 millions d'euros", "disbursed"),
            ("Le FMI a approuvé un décaissement de 275 millions de dollars.", "275 millions de dollars", "approved"),
            ("Le Japon a promis 100 millions de dollars au Soudan.", "100 millions de dollars", "pledged"),
            ("EU leaders reached a consensus on a €50 billion package for Ukraine.", "€50 billion", "approved"),
            ("Ukraine urgently needs €34 billion in Western aid this year.", "€34 billion", "requested"),
            // A receiving verb says who gets the money; a decision beside it
            // says how far along it is.
            ("Malawi is to receive $60 million in flood relief.", "$60 million", "pledged"),
            ("Malawi is to receive $60 million in flood relief approved by the World Bank.", "$60 million", "approved"),
            (
                "Le Niger va recevoir 30 millions d'euros : le conseil du FMI a donné son feu vert vendredi.",
                "30 millions d'euros",
                "approved",
            ),
            // A verb of stage inside a name is no verb; at a sentence's start it is.
            (
                "The board approved a tranche of $700 million under the $3 billion Extended Credit Facility for Ghana.",
                "$3 billion",
                "approved",
            ),
            ("Extended by the EU in March, the €5 billion loan runs to 2027.", "€5 billion", "committed"),
        ],
        |c| c.status.to_string(),
    );
}

#[test]
fn donors() {
    check(
        "donor",
        &[
            ("Germany gave €5 billion to Ukraine.", "€5 billion", "Germany"),
            ("Washington will ship $1bn of weapons to Ukraine.", "$1bn", "United States"),
            ("Allocations included €1.1 billion from Sweden, €690 million from Denmark.", "€690 million", "Denmark"),
            ("Europe gave €132bn against America's €114bn.", "€114bn", "United States"),
            // The money goes into the EU: the EU is no giver here.
            ("Germany has channeled €7 billion into EU initiatives.", "€7 billion", "Germany"),
            ("The US has moved ahead of Europe, committing €73 billion to Ukraine.", "€73 billion", "United States"),
            ("Russia's $300 billion in frozen assets sit in Europe.", "$300 billion", "null"),
            // The words after the amount that name its giver, in three languages.
            ("Kyiv receives €500 million from the EU.", "€500 million", "European Union"),
            ("Kyjiw erhält 500 Millionen Euro von der EU.", "500 Millionen Euro", "European Union"),
            ("Kiev reçoit 3 milliards d'euros de la part de la France.", "3 milliards d'euros", "France"),
            // The giver a verb of origin names after the amount; an
            // adversary the money is aimed at gives nothing.
            ("Donors allocated €89.9 billion, and €67 billion came from the United States.", "€67 billion", "United States"),
            ("The bill has $8.1 billion for Indo-Pacific allies facing China.", "$8.1 billion", "null"),
            // A group's name before the group word gives; a city's does not.
            ("The G7 countries have settled how to lend $50 billion to Ukraine.", "$50 billion", "G7"),
            ("The Paris aid conference raised €2 billion for Sudan.", "€2 billion", "All donors"),
            // A place of meeting is no giver; an amount before the word
            // keeps the actor the giver.
            ("Donors in Paris promised €2 billion for Sudan.", "€2 billion", "All donors"),
            ("Kyiv gets $61 billion in US aid.", "$61 billion", "United States"),
            ("The participants pledged 5.8 billion euros for Syria.", "5.8 billion euros", "All donors"),
            // A giver joined to others is the group, never its first name.
            ("The United States and its allies have given $278 billion to Kyiv.", "$278 billion", "All donors"),
            ("Germany and its partners pledged €9 billion for Ukraine.", "€9 billion", "All donors"),
            ("Die EU und ihre Partner haben 9 Milliarden Euro zugesagt.", "9 Milliarden Euro", "All donors"),
            (
                "La France et ses alliés ont promis 4 milliards d'euros à l'Ukraine.",
                "4 milliards d'euros",
                "All donors",
            ),
            // The German and French adjectives of a country name it.
            (
                "Le gouvernement suisse consacrera 23 millions de francs à Gaza.",
                "23 millions de francs",
                "Switzerland",
            ),
            (
                "Die schweizerische Regierung stellt 140 Millionen Franken bereit.",
                "140 Millionen Franken",
                "Switzerland",
            ),
            // A figure no cue gives a giver takes the article's usual one.
            (
                "Die Schweiz will fünf Milliarden Franken bereitstellen. Bisher hat der Bund rund drei Milliarden Franken aufgewendet.",
                "drei Milliarden Franken",
                "Switzerland",
            ),
            // The article's usual giver outranks the body it names most (a
            // Swiss plan that quotes the World Bank's estimate stays Swiss).
            (
                "Die Schweizer Regierung plant, 5 Milliarden Franken für Kenia bereitzustellen, davon 1,5 Milliarden Franken bis 2028. Bisher hat die Schweiz 3 Milliarden Franken ausgegeben. Die Schweiz zahlte zudem 200 Millionen Franken. Den Bedarf beziffert die Weltbank auf 40 Milliarden Franken.",
                "1,5 Milliarden Franken",
                "Switzerland",
            ),
            // The receiver named with its verb is no giver ("pourra recevoir").
            (
                "Le FMI a conclu un accord : le Trésor camerounais pourra recevoir 118,6 millions de dollars.",
                "118,6 millions de dollars",
                "International Monetary Fund",
            ),
            // A currency word that holds a country's short name gives no giver.
            ("Kenia erhält 1,66 Milliarden US-Dollar für den Wiederaufbau.", "1,66 Milliarden US-Dollar", "null"),
        ],
        |c| c.donor.clone().unwrap_or_else(|| "null".into()),
    );
}

#[test]
fn recipients_and_aid() {
    check(
        "recipient",
        &[
            // A place the lexicon lacks receives by the verb after its name;
            // a pronoun or a determiner and its noun name no receiver.
            ("New Delhi: Kerala is to receive ₹153.20 crore in relief.", "₹153.20 crore", "Kerala"),
            ("Andhra Pradesh will receive $30 million for flood repairs.", "$30 million", "Andhra Pradesh"),
            ("It will receive $5 million in relief.", "$5 million", "null"),
            ("Das Land erhält 3 Millionen Euro für den Wiederaufbau.", "3 Millionen Euro", "null"),
            (
                "Biden signed a $95 billion measure covering aid for Israel, Ukraine and Taiwan.",
                "$95 billion",
                "Ukraine, Israel and Taiwan",
            ),
            ("It includes $14 billion of military assistance for Israel.", "$14 billion", "Israel"),
            ("Britain pledged £1 billion in military aid to Kyiv.", "£1 billion", "Ukraine"),
            // "its allies" in a group of givers receives nothing.
            (
                "The United States and its allies have contributed over $278 billion to the Ukrainian government.",
                "$278 billion",
                "Ukraine",
            ),
            // "Also" adds the recipient named before to the list it opens.
            (
                "The House passed a $60.8 billion bill for Ukraine, part of a wider $95 billion package that also covers Israel and Taiwan.",
                "$95 billion",
                "Ukraine, Israel and Taiwan",
            ),
            // A possessive heading a passive receiving verb receives.
            ("Syria's new rulers were promised 5.8 billion euros by donors in Brussels.", "5.8 billion euros", "Syria"),
            ("The EU raised its pledge to Syrians to 2.5 billion euros.", "2.5 billion euros", "Syria"),
            // A figure no cue gives a receiver takes the article's usual one.
            ("Japan gave $100 million to Ukraine. A further $300 million came in June.", "$300 million", "Ukraine"),
            // A body's money with no receiver named goes to the country the article is on.
            (
                "Pakistan and the IMF reached a deal after Pakistan cut subsidies. The IMF will release a first tranche of $1.1 billion.",
                "$1.1 billion",
                "Pakistan",
            ),
            // A country's money does not: the country an article names most
            // beside it need not be where the money goes.
            (
                "Uganda and Tanzania border Kenya. Uganda trades with Tanzania. Kenya has set aside $300 million.",
                "$300 million",
                "null",
            ),
        ],
        |c| c.recipient.clone().unwrap_or_else(|| "null".into()),
    );
    check(
        "aid_to_ukraine",
        &[
            ("Biden signed a $95 billion measure covering aid for Israel, Ukraine and Taiwan.", "$95 billion", "true"),
            ("It includes $14 billion of military assistance for Israel.", "$14 billion", "false"),
            ("Russia's $300 billion in frozen assets sit in Europe, far from Ukraine.", "$300 billion", "false"),
            ("Britain pledged £1 billion in military aid to Kyiv.", "£1 billion", "true"),
        ],
        |c| c.aid_to_ukraine.to_string(),
    );
}

#[test]
fn a_whole_and_its_part_are_two_metrics() {
    let got = labels("Congress approved the $95 billion package, of which $61 billion for Ukraine.");
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].1.metric.to_string(), "united-states/ukraine-and-others/total/enacted/about-100bn");
    assert_eq!(got[1].1.metric.to_string(), "united-states/ukraine/total/enacted/about-60bn");
    assert_ne!(got[0].1.metric, got[1].1.metric);
    assert!(got[0].1.aid_to_ukraine && got[1].1.aid_to_ukraine);
    // The whole's noun may run on before the "of which", a qualifier after it.
    let got = labels(
        "Biden signed a $95 billion foreign aid package on Wednesday, of which nearly $61 bln is meant for Ukraine.",
    );
    assert_eq!(got[0].1.recipient.as_deref(), Some("Ukraine and others"));
    assert_eq!(got[1].1.recipient.as_deref(), Some("Ukraine"));
    // A sentence between them joins nothing.
    let got =
        labels("Biden signed a $95 billion package. Aides listed what of which nearly $61 bln is meant for Ukraine.");
    assert_ne!(got[0].1.recipient.as_deref(), Some("Ukraine and others"));
}

#[test]
fn sources() {
    check(
        "source",
        &[
            // Quoted from a named official or body…
            ("The Pentagon said it had sent $5 billion to Ukraine.", "$5 billion", "U.S. Department of Defense"),
            ("According to the Kiel Institute, Europe gave €132bn.", "€132bn", "Kiel Institute"),
            ("Shmyhal: nearly $61 bln in US aid for Ukraine", "$61 bln", "Government of Ukraine"),
            ("Ukraine's monthly spending runs at $5 billion, says US agency", "$5 billion", "USAID"),
            (
                "Citing World Bank estimates, Reuters reported that rebuilding will cost $400 billion.",
                "$400 billion",
                "World Bank",
            ),
            ("Sources say the team is preparing $800 mln in aid for Ukraine.", "$800 mln", "Unnamed sources"),
            // A country beside a title of its officials speaks as its government.
            (
                "Pakistan's Prime Minister's Office announced that the IMF approved a $7 billion loan.",
                "$7 billion",
                "Government of Pakistan",
            ),
            (
                "Selon le gouvernement du Japon, l'aide atteint 300 millions de dollars.",
                "300 millions de dollars",
                "Government of Japan",
            ),
            (
                "China's embassy in Myanmar says Beijing has pledged $137 million in emergency aid.",
                "$137 million",
                "Government of China",
            ),
            (
                "Laut der Regierung Japans beträgt die Hilfe 300 Millionen Dollar.",
                "300 Millionen Dollar",
                "Government of Japan",
            ),
            (
                "The Japanese government said it would give $300 million to Ukraine.",
                "$300 million",
                "Government of Japan",
            ),
            // A title with no country beside it speaks for its sentence's
            // country, and its person speaks again by name later.
            (
                "Germany will channel an extra 300 million euros to Syria, Foreign Minister Annalena Baerbock said.",
                "300 million euros",
                "Government of Germany",
            ),
            (
                "Donors pledged $8 billion for Pakistan, Information Minister Marriyum Aurangzeb announced. Later Marriyum said the World Bank had pledged $2bn.",
                "$2bn",
                "Government of Pakistan",
            ),
            // …the subject lexicon's countries too, by their government.
            (
                "For this year, the government said, British pledges for the Palestinian territories add up to £99 million.",
                "£99 million",
                "UK government",
            ),
            // An office that decides to give a sum is the giver's, never the
            // receiver's: with no giver named it names no source.
            (
                "Der Bundesrat hat beschlossen, weitere 140 Millionen Franken für die Ukraine bereitzustellen.",
                "140 Millionen Franken",
                "null",
            ),
            // A speaking verb before its subject, an article between them.
            (
                "Ausgegeben hat die Schweiz bislang 3 Milliarden Franken, rechnet die Regierung vor.",
                "3 Milliarden Franken",
                "Government of Switzerland",
            ),
            // A body named in full is named after by its head word.
            (
                "Dakar et le FMI se sont mis d'accord sur un programme de 1,8 milliard de dollars, a annoncé le Fonds. Le conseil du Fonds monétaire international doit encore valider 327 millions de dollars du RST.",
                "1,8 milliard de dollars",
                "International Monetary Fund",
            ),
            (
                "The International Monetary Fund reached a deal with Egypt. It is worth $8 billion, the Fund said.",
                "$8 billion",
                "International Monetary Fund",
            ),
            // The office that decides on the sum states it.
            (
                "Die Schweiz soll fünf Milliarden Franken in den Wiederaufbau stecken: Das hat der Bundesrat entschieden.",
                "fünf Milliarden Franken",
                "Government of Switzerland",
            ),
            ("The Kenyan cabinet approved $40 million for flood relief.", "$40 million", "Government of Kenya"),
            // The country's name alone is no speaker.
            ("Japan will give $300 million to Senegal.", "$300 million", "null"),
            // …or stated by the outlet in its own voice.
            ("Ukraine received $5 billion in aid last year.", "$5 billion", "null"),
            // The one government body an article quotes states the money
            // its country gives or gets, not a third country's.
            (
                "The European Commission said it would give €110 million to Ukraine.\n\nGermany plans to double its military aid to €8 billion next year.",
                "€8 billion",
                "null",
            ),
            (
                "The Ukrainian finance ministry said the country had received $5 billion.\n\nThe United States sent another $2 billion in March.",
                "$2 billion",
                "Government of Ukraine",
            ),
            // The statement named again carries its speaker; so do a
            // body's own words.
            (
                "Wie die EU-Kommission bekanntgab, bekommt die Ukraine 110 Millionen Euro. Der Mitteilung zufolge summiert sich die Hilfe auf 843 Millionen Euro.",
                "843 Millionen Euro",
                "European Commission",
            ),
            (
                "The International Monetary Fund's board met on Friday. In the Fund's words, the decision allows a disbursement of $1 billion.",
                "$1 billion",
                "International Monetary Fund",
            ),
            // Attribution holds through the paragraph.
            (
                "According to AFP, $6 billion is set aside. A further $9 billion is meant for salaries.",
                "$9 billion",
                "AFP",
            ),
        ],
        |c| c.source.clone().unwrap_or_else(|| "null".into()),
    );
    // An institution's own release speaks for it.
    let own =
        labels_with(Lexicon::default_lexicon(), Some("U.S. Department of State"), "The package is worth $700 million.");
    assert_eq!(own[0].1.source.as_deref(), Some("U.S. Department of State"));
    // An outlet no lexicon names is a release by its address: a government's
    // host, or a site's folder of press releases. A release speaks for its
    // publisher even where its text quotes a minister…
    let by_address = |outlet: &str, url: &str, text: &str| {
        let article =
            Article::new(Some("t".into()), Some(outlet.into()), None, Some(url.into()), None, text.into(), "t".into());
        let money = extract(text);
        classify(&article, &money, Lexicon::default_lexicon()).into_iter().map(|c| c.source).collect::<Vec<_>>()
    };
    let minister = "Foreign Minister Penny Wong said Australia will give $2 million to Myanmar.";
    assert_eq!(
        by_address("Department of Foreign Affairs", "https://dfat.gov.au/crisis-hub/myanmar", minister),
        [Some("Department of Foreign Affairs".to_string())]
    );
    assert_eq!(
        by_address(
            "Hilfswerk Nord (Presse)",
            "https://hilfswerk.example/presse/pressemitteilungen/etat",
            "Der Etat sinkt auf 10 Milliarden Euro."
        ),
        [Some("Hilfswerk Nord".to_string())]
    );
    // …save where a sentence says whose figure it quotes.
    assert_eq!(
        by_address(
            "Department of Foreign Affairs",
            "https://dfat.gov.au/x",
            "According to the World Bank, rebuilding will cost $400 billion."
        ),
        [Some("World Bank".to_string())]
    );
    // A news site's page is no release, whatever its words: "press" in a
    // host or in the page's own name is not a folder of releases.
    for url in ["https://nen.press/2022/05/08/aid", "https://news.example/world/press", "https://govt.example/news/aid"]
    {
        assert_eq!(by_address("Daily Example", url, "Ukraine received $5 billion in aid."), [None], "{url}");
    }
}

#[test]
fn scopes() {
    let since_war = the("The US has provided $60 billion since the war began.", "$60 billion");
    assert_eq!(since_war.scope_start.map(|d| d.to_string()).as_deref(), Some("2022-02-24"));
    let since_month = the("Aid since February 2022 reached $278 billion.", "$278 billion");
    assert_eq!(since_month.scope_start.map(|d| d.to_string()).as_deref(), Some("2022-02-01"));
    assert_eq!(since_month.scope_end, None);
    let year = the("Britain will give £3 billion in 2024.", "£3 billion");
    assert_eq!(
        (year.scope_start.map(|d| d.to_string()), year.scope_end.map(|d| d.to_string())),
        (Some("2024-01-01".into()), Some("2024-12-31".into()))
    );
}

#[test]
fn conversions_share_the_labels_of_what_they_convert() {
    let got = labels("Congress approved $40bn (£33bn) of military aid for Ukraine.");
    assert_eq!(got.len(), 2);
    let (a, b) = (&got[0].1, &got[1].1);
    assert_eq!((a.category, a.status, &a.donor), (b.category, b.status, &b.donor));
    assert_eq!(a.metric, b.metric);
    // A comma and "or" convert when the currency changes, not between two figures of one currency.
    let or = labels("The EU pledged $37 billion, or €34 billion, in aid for Ukraine this year.");
    assert_eq!(or[0].1.metric, or[1].1.metric);
    let two = labels("The EU pledged $37 billion, or $34 billion after fees, for Ukraine.");
    assert_ne!(two[0].1.metric.scope, two[1].1.metric.scope);
}

#[test]
fn explain_names_the_cue_and_where_it_stands() {
    let text = "Britain pledged £1 billion in military aid to Ukraine.";
    let c = the(text, "£1 billion");
    let why = c.explain.iter().find(|w| w.label == "category").unwrap();
    assert_eq!((&*why.value, why.cue(text)), ("military", Some("military")));
    assert_eq!(why.at(text), text.find("military").map(|b| text[..b].chars().count()));
    let status = c.explain.iter().find(|w| w.label == "status").unwrap();
    assert_eq!(status.cue(text), Some("pledged"));
}

#[test]
fn another_subject_with_its_own_lexicon() {
    let toml = r#"
[subject]
name = "the Springfield flood fund"
recipient = "Springfield"

[[actor]]
name = "Springfield"
role = "recipient"
aliases = ["Springfield"]

[[actor]]
name = "State of Illinois"
aliases = ["the state", "Illinois"]

[[source]]
name = "Mayor's office"
kind = "government"
aliases = ["the mayor", "mayor's office"]

[attribution]
before = ["according to"]
after = ["said"]

[category]
reconstruction = ["levee", "repairs"]
total = ["fund"]
not_aid = ["damage"]

[status]
approved = ["approved"]
pledged = ["promised"]
"#;
    let lex = Lexicon::from_toml("springfield.toml", toml).unwrap();
    let got = labels_with(&lex, None, "Illinois approved $40 million for levee repairs in Springfield, the mayor said. Flood damage reached $90 million.");
    let (fund, damage) = (&got[0].1, &got[1].1);
    assert_eq!((fund.category, fund.status), (Category::Reconstruction, Status::Approved));
    assert_eq!(
        (fund.donor.as_deref(), fund.recipient.as_deref(), fund.source.as_deref()),
        (Some("State of Illinois"), Some("Springfield"), Some("Mayor's office"))
    );
    assert!(fund.aid_to_ukraine, "aid to the lexicon's subject");
    // A package of aid is compared as aid, whatever its kind.
    assert_eq!(fund.metric.to_string(), "state-of-illinois/springfield/total/enacted/about-40m");
    assert_eq!((damage.category, damage.aid_to_ukraine), (Category::Other, false));
}

/// Found by fuzzing: inputs that once panicked.
#[test]
fn fuzz_regressions() {
    // A cue reaching past the end of its sentence asked for an empty range backwards.
    let text = "February 1, 2024 (Coneto thre\u{0}ya Hungary.\n\nThe money, 5mio0 Mio\u{0}llliarden Euro in the words of the German chancellery and 25 milliards d\u{16}\u{2}oond on Thursday to a €50 billion ($5facility for Ukrainy.";
    let _ = labels(text);
    for cut in 0..text.len() {
        if text.is_char_boundary(cut) {
            let _ = labels(&text[..cut]);
        }
    }
    // A word of place glued to a sign of several bytes ("£in Paris") cut the
    // sign in two when the word's start was looked for.
    let _ = labels("Donors met£in Paris and gave $5 million. Kerala£is to receive $2 million.");
}

#[test]
fn the_last_blank_line_is_the_last_double_line_break() {
    for text in ["", "\n", "a\n\nb", "a\n\n\nb", "\n\n", "a\nb\nc", "x\n\ny\n\nz\n", "é\n\nü", "\n\na\n"] {
        let want = memchr::memmem::rfind(text.as_bytes(), b"\n\n");
        assert_eq!(last_blank_line(text.as_bytes()), want, "{text:?}");
    }
}

#[test]
fn a_running_total_and_a_package_are_apart() {
    use crate::labels::Scope;
    check(
        "scope",
        &[
            ("The US has provided $175 billion in aid to Ukraine so far.", "$175 billion", "running-total"),
            ("The US has provided $175 billion in aid to Ukraine.", "$175 billion", "running-total"),
            ("Since 2022 Washington gave Ukraine $175 billion.", "$175 billion", "running-total"),
            ("Congress approved a $61 billion package for Ukraine.", "$61 billion", "about-60bn"),
            ("Congress has approved a $61 billion package for Ukraine.", "$61 billion", "about-60bn"),
            ("The Senate passed $60.8 billion for Ukraine.", "$60.8 billion", "about-60bn"),
            (
                "Deutschland hat der Ukraine insgesamt 28 Milliarden Euro bereitgestellt.",
                "28 Milliarden Euro",
                "running-total",
            ),
            ("Berlin hat 500 Millionen Euro für Kiew bewilligt.", "500 Millionen Euro", "about-500m"),
            ("La France a versé au total 3 milliards d'euros à l'Ukraine.", "3 milliards d'euros", "running-total"),
            ("Paris a débloqué 300 millions d'euros pour Kiev.", "300 millions d'euros", "about-300m"),
        ],
        |c| c.metric.scope.map(|s| s.to_string()).unwrap_or_default(),
    );
    // One package in two currencies: the digits decide, so the mislabelled
    // copy is compared with the others.
    let (euro, dollar) =
        (labels("EU leaders approved €7 billion for Ukraine."), labels("EU leaders approved $7 billion for Ukraine."));
    assert_eq!(euro[0].1.metric, dollar[0].1.metric);
    assert!(matches!(euro[0].1.metric.scope, Some(Scope::Amount(_))));
}

#[test]
fn the_gazetteer_names_every_country_in_three_languages() {
    let toml = crate::lexicon::DEFAULT_TOML.replace("countries = false", "countries = true");
    let lex = Lexicon::from_toml("gazetteer.toml", &toml).unwrap();
    let labelled = |text: &str| {
        let (_, c) = labels_with(&lex, None, text).into_iter().next().unwrap();
        (c.donor.unwrap_or_else(|| "null".into()), c.recipient.unwrap_or_else(|| "null".into()))
    };
    let cases: &[(&str, (&str, &str))] = &[
        // No lexicon entry for either country: the words around them decide.
        ("The World Bank approved $500 million for Sudan.", ("World Bank", "Sudan")),
        ("Japan pledged $1 billion to Pakistan after the floods.", ("Japan", "Pakistan")),
        ("Le Japon verse 3 millions d'euros pour Haïti.", ("Japan", "Haiti")),
        // The lexicon's own actor gains the gazetteer's German name.
        ("Deutschland gibt 2 Milliarden Euro an die Ukraine.", ("Germany", "Ukraine")),
        // The German genitive of a country's name.
        ("Japans Beitrag von 300 Millionen Euro geht an die Ukraine.", ("Japan", "Ukraine")),
        // The German -er form that never declines.
        ("Die Schweizer Regierung zahlt 5 Millionen Franken an den Sudan.", ("Switzerland", "Sudan")),
        // International bodies, with no lexicon entry.
        ("The Asian Development Bank approved $500 million for Pakistan.", ("Asian Development Bank", "Pakistan")),
        // A UN agency named in full goes by its acronym.
        ("Germany gave €10 million to UNHCR.", ("Germany", "UNHCR")),
        ("Germany gave €10 million to the United Nations Children's Fund.", ("Germany", "UNICEF")),
        // A capital stands for its government.
        ("Washington gave $5 billion to Islamabad.", ("United States", "Pakistan")),
        // The subject of a receiving verb receives, and gives nothing.
        (
            "Pakistan can draw about $1 billion at once after the IMF approved the review.",
            ("International Monetary Fund", "Pakistan"),
        ),
        (
            "Le Sénégal va recevoir 279 millions de dollars : le conseil d'administration du FMI a donné son accord.",
            ("International Monetary Fund", "Senegal"),
        ),
        ("Der Sudan erhält 50 Millionen Euro, teilte die Weltbank mit.", ("World Bank", "Sudan")),
    ];
    let mut failures = Vec::new();
    for (text, (donor, recipient)) in cases {
        let got = labelled(text);
        if got != (donor.to_string(), recipient.to_string()) {
            failures.push(format!("{text}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn one_figure_stated_twice_is_one_quantity() {
    // The body says who gives it and how far along it is; the headline and
    // the later sentence only repeat the figure.
    let text = "Another $400 million for Kyiv\n\nThe United States pledged $400 million in military aid to Ukraine \
                on Monday. Officials said the $400 million would arrive within weeks.";
    let all = labels(text);
    assert_eq!(all.len(), 3, "{all:?}");
    let metrics: Vec<String> = all.iter().map(|(_, c)| c.metric.to_string()).collect();
    assert!(metrics.iter().all(|m| *m == metrics[1]), "{metrics:?}");
    assert_eq!(all[2].1.donor.as_deref(), Some("United States"));
    // The same number from two givers is two figures.
    let list = labels("Pledges came in: $100m from China, $2bn from the World Bank and $100m from Japan.");
    let donors: Vec<Option<&str>> = list.iter().map(|(_, c)| c.donor.as_deref()).collect();
    assert_eq!(donors, [Some("China"), Some("World Bank"), Some("Japan")]);
    // Another figure of the article keeps its own labels.
    let two = labels("Germany pledged €2 billion to Ukraine. France gave €300 million in humanitarian aid.");
    assert_ne!(two[0].1.metric, two[1].1.metric);
    // A package stated in another currency with its dollar conversion is
    // known by the dollar size, as the outlets that state it in dollars give it.
    let dirhams =
        the("Morocco will spend 120 billion dirhams ($11.7 billion) on reconstruction.", "120 billion dirhams");
    let dollars = the("Morocco will spend $12 billion on reconstruction.", "$12 billion");
    assert_eq!(dirhams.metric.scope, dollars.metric.scope);
    assert_eq!(dirhams.metric.scope.map(|s| s.to_string()).as_deref(), Some("about-12bn"));
}
