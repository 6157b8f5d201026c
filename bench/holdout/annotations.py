"""Hand annotations of the held-out set (written before running digest on these articles).

Q(text, speaker, aliases, partial) and M(title, status, start, end, place, participants, mentions);
mentions are distinctive pieces of each sentence that refers to the meeting (build_gold.py expands them).
"""
# ruff: noqa: E501
from __future__ import annotations


def Q(text, speaker, aliases, partial=False):
    return {"text": text, "speaker": speaker, "aliases": aliases, "partial": partial}


def M(title, status, start, end, place, participants, mentions):
    return {"title": title, "status": status, "start": start, "end": end, "place": place,
            "participants": participants, "mentions": mentions}


GOLD: dict[str, dict] = {}
A = GOLD.__setitem__

A("reuters-3455", {"quotes": [
    Q("Saudi Arabia doesn't decide prices by itself but certainly desires price stability.", "King Fahd", ["fahd", "king fahd"]),
    Q("must help us in a framework of common interest so that there is no type of competition which could prove harmful to everyone,", "King Fahd", ["fahd", "king fahd"], True),
], "meetings": [
    M("King Fahd state visit to Britain", "upcoming", "1987-03", None, None, ["King Fahd", "Britain"],
      ["came ahead of a state visit he will make to Britain later this month"]),
    M("OPEC December conference", "past", "1986-12", None, None, ["OPEC"],
      ["adhering to decisions made at OPEC's December conference"]),
]})
A("reuters-4106", {"quotes": [], "meetings": []})
A("reuters-12432", {"quotes": [
    Q("The further progress of our business will depend largely on the extent to which threats to free trade materialise and on the developments of exchange rates, raw material and energy costs.", "Bayer AG", ["bayer", "bayer ag", "company"]),
    Q("The western Europe, North America and Far East regions developed well in local currency, but here too the translation of local currency sales into marks distorted the picture, especially in the case of North America,", "Bayer AG", ["bayer", "bayer ag", "company"]),
], "meetings": []})
A("reuters-9954", {"quotes": [], "meetings": []})
A("reuters-8117", {"quotes": [], "meetings": [
    M("APEA annual conference", "ongoing", None, None, None, ["Australian Petroleum Exploration Association"],
      ["he told the APEA annual conference here"]),
]})
A("reuters-1576", {"quotes": [
    Q("will produce the first base eldctric rate decrease for Con Edison in more than 20 years.", "Mario M. Cuomo", ["cuomo", "mario cuomo", "mario m cuomo"], True),
    Q("As a result of an earlier stipulation, we have already had a four year freeze on Con Edison's base electric rates since March 1983,", "Mario M. Cuomo", ["cuomo", "mario cuomo", "mario m cuomo"]),
    Q("declining fuel costs have resulted in an average 10 pct decrease in our customers' bills since 1984.", "Consolidated Edison Co of New York Inc", ["con edison", "con ed", "consolidated edison", "utility"]),
], "meetings": []})
A("reuters-20787", {"quotes": [], "meetings": [
    M("U.S.-Japan review of semiconductor agreement compliance", "past", "1987-W43", None, None, ["United States", "Japan"],
      ["reviewed Japan's compliance with the agreement earlier this week"]),
]})
A("reuters-20508", {"quotes": [
    Q("We expect that the Texas Supreme Court will hear our case, will heed the voices of impartial third parties and will ultimately reverse this unjust decision and thus provide the simple basic justice that Texaco has asked for all along,", "Alfred DeCrane", ["decrane", "alfred decrane"]),
    Q("This case has become much more than a quarrel between two companies,", "Alfred DeCrane", ["decrane", "alfred decrane"]),
    Q("It presents a far broader threat to our economic system and to justice in America as we know it today.", "Alfred DeCrane", ["decrane", "alfred decrane"]),
    Q("The bottom line is that the SEC had intervened to insure that its rule are interpreted properly in the interest of millions of private stockholders around the country who might some day find themselves the victim of this same kind of manipulation,", "Alfred DeCrane", ["decrane", "alfred decrane"]),
    Q("send out of state businesses fleeing from Texas in droves.", "Alfred DeCrane", ["decrane", "alfred decrane"], True),
], "meetings": [
    M("International Association of Drilling Contractors meeting", "past", None, None, None, ["International Association of Drilling Contractors"],
      ["in a speech at a meeting of the International Association of Drilling Contractors"]),
    M("Texaco-Pennzoil settlement talks", "past", None, None, None, ["Texaco", "Pennzoil"],
      ["Settlement talks between the two oil companies"]),
]})
A("reuters-5748", {"quotes": [], "meetings": []})
A("reuters-16631", {"quotes": [
    Q("I assume that there will be a proclamation on Friday,", "Howard Baker", ["baker", "howard baker"]),
    Q("It looks like a very difficult situation at this point.", "Frank Carlucci", ["carlucci", "frank carlucci"]),
    Q("fairly conclusive.", "Frank Carlucci", ["carlucci", "frank carlucci"], True),
    Q("our statistics do not confirm this.", "Frank Carlucci", ["carlucci", "frank carlucci"]),
    Q("Indeed, they tend to go in the other direction,", "Frank Carlucci", ["carlucci", "frank carlucci"]),
    Q("he has been most helpful.", "President Reagan", ["reagan", "president reagan"]),
], "meetings": [
    M("U.S.-Japan talks on microchip dumping", "past", None, None, None, ["United States", "Japan"],
      ["Talks between the United States and Japan on alleged Japanese dumping"]),
    M("Nakasone-Reagan talks in Washington", "upcoming", "1987-04", None, "Washington", ["Yasuhiro Nakasone", "Ronald Reagan"],
      ["prepares to visit Washington at the end of the month for talks with Reagan",
       "He said he was looking forward to his talks with Nakasone"]),
]})
A("reuters-1132", {"quotes": [], "meetings": []})
A("reuters-10807", {"quotes": [
    Q("I think (Nakasone's) desperate,", "a U.S. Bank foreign exchange manager", ["foreign exchange manager", "bank foreign exchange manager"]),
    Q("His (Nakasone) remarks should have been made and should have had a bigger influence when the dollar was still above 150 yen,", "P.S. Tam", ["tam", "p s tam"]),
], "meetings": [
    M("G-6 meeting in Paris", "past", "1987-02", None, "Paris", ["Group of Six"],
      ["that last month's G-6 meeting agreed to stabilize the dollar",
       "committed themselves in Paris last month to stabilize the dollar"]),
    M("Lower House Budget Committee session", "past", None, None, None, ["Lower House Budget Committee"],
      ["Nakasone told a Lower House Budget Committee in Parliament",
       "told the same committee that the six"]),
]})
A("reuters-19570", {"quotes": [
    Q("normal.", "Ivorian officials", ["ivorian officials", "officials"], True),
], "meetings": []})
A("reuters-16169", {"quotes": [
    Q("We haven't dealt with them for six months,", "one Japanese trader", ["japanese trader", "trader"]),
    Q("Texaco tried to buy substantial volumes of gasoline on the U.S. Gulf on Friday but no one offered to them,", "one trading house source", ["trading house source", "source"]),
], "meetings": [
    M("Oil trading company lawyers meet Texaco in New York", "upcoming", "1987-04-13", None, "New York",
      ["an international oil trading company", "Texaco"],
      ["will send its lawyers to meet with the company tonight in New York"]),
]})
A("reuters-8176", {"quotes": [
    Q("Our contacts with the EC authorities over the past few days indicate that we are moving towards a solution,", "Jean-Marc Vernes", ["vernes", "jean marc vernes"]),
], "meetings": []})
A("reuters-2791", {"quotes": [
    Q("This agreement serves the interests of Lucky stockholders by avoiding the significant cost of continued litigation and the accompanying demands on management time,", "John Lillie", ["lillie", "john lillie"]),
], "meetings": [
    M("Lucky Stores special stockholders meeting", "upcoming", "1987-12-31", None, None, ["Lucky Stores stockholders"],
      ["at a special meeting set for December 31"]),
]})
A("reuters-15569", {"quotes": [], "meetings": []})
A("reuters-19516", {"quotes": [
    Q("I assured Minister Kurihara that I support his plans to increase Japanese air defence capabilites and that I believe American aircraft can do this,", "Caspar Weinberger", ["weinberger", "caspar weinberger"]),
], "meetings": [
    M("Weinberger talks with Kurihara", "past", None, None, None, ["Caspar Weinberger", "Yuko Kurihara"],
      ["In his talks with Japanese Defence Minister Yuko Kurihara"]),
]})
DEK = ["keersmaeker", "de keersmaeker", "paul de keersmaeker"]
A("reuters-17386", {"quotes": [
    Q("We have used this meeting to reach the point at which real negotiations can start at the next meeting. Ideally they should have started now but our procedures took much longer than planned.", "Paul de Keersmaeker", DEK),
    Q("This is a very tough political nut, and because of the very nature of the problem there is no technical solution,", "Paul de Keersmaeker", DEK),
], "meetings": [
    M("EC agriculture ministers meeting in Luxembourg", "past", None, None, "Luxembourg", ["EC agriculture ministers"],
      ["ended a three-day meeting in Luxembourg", "told a news conference after the meeting",
       "the talks this week had served", "We have used this meeting"]),
    M("EC agriculture ministers meeting in Brussels", "upcoming", "1987-05-18", None, "Brussels", ["EC agriculture ministers"],
      ["at a meeting in Brussels on May 18", "We have used this meeting"]),
]})
OFF = ["indian official", "official"]
A("reuters-17234", {"quotes": [
    Q("They (the bank) do not want their traditional borrowers from smaller countries in the region to get overwhelmed by (India and China),", "an Indian official", OFF),
    Q("We are quite satisfied at having opened this new window in borrowing,", "an Indian official", OFF),
    Q("Our projects are being vetted quickly. We have no complaints.", "an Indian official", OFF),
    Q("In fiscal 1986/87 ending June India will borrow two billion dlrs from the World Bank alone,", "an Indian official", OFF),
    Q("That represents the total ADB lending to all its borrowers in 1986.", "an Indian official", OFF),
    Q("The ADB is a regional bank and ought to have a better understanding of realities in Asia.", "an Indian official", OFF),
    Q("You cannot apply World Bank conditionalities everywhere,", "an Indian official", OFF),
    Q("The U.S. Cannot impose one yardstick for every country.", "an Indian official", OFF),
], "meetings": [
    M("ADB annual meeting", "ongoing", None, None, None, ["Asian Development Bank"],
      ["at the ADB's annual meeting here"]),
    M("India-ADB negotiations on port modernisation loan", "past", None, None, None, ["India", "Asian Development Bank"],
      ["negotiations on a 100 mln dlr loan"]),
]})
A("reuters-97", {"quotes": [], "meetings": []})
A("reuters-7196", {"quotes": [], "meetings": []})
A("reuters-1110", {"quotes": [
    Q("I do not think it will be a big issue because there will be a big debate inside Europe,", "Herman De Croo", ["de croo", "herman de croo", "croo"]),
    Q("so there will be a compromise.", "Herman De Croo", ["de croo", "herman de croo", "croo"]),
    Q("vigorously", "Clayton Yeutter", ["yeutter", "clayton yeutter"], True),
], "meetings": [
    M("De Croo talks in Washington", "ongoing", None, None, "Washington", ["Herman De Croo", "U.S. Administration officials", "Congressional leaders"],
      ["in Washington for talks with Administration officials"]),
]})
FLU = ["fluegel", "george fluegel"]
A("reuters-6062", {"quotes": [
    Q("more realistic.", "George Fluegel", FLU, True),
    Q("Realistically, from the information we're getting, it looks like the English, the Germans, hopefully the Netherlands and Denmark.", "George Fluegel", FLU),
], "meetings": [
    M("ASA delegation meetings with Italian ministries", "past", None, None, None, ["American Soybean Association", "Italian Foreign Ministry", "Italian Agriculture Ministry"],
      ["meetings with officials from the Italian Foreign and Agricultural ministries"]),
]})
ONG = ["ongpin", "jaime ongpin"]
A("reuters-13241", {"quotes": [
    Q("The World Bank has recommended that we meet some time in the second half of May because it is pointless to have that meeting unless the participants have had adequate time to review the documentation,", "Jaime Ongpin", ONG),
    Q("If we get a good reception in the public hearings, perhaps then the President might feel persuaded that it is not necessary to wait for the Congress,", "Jaime Ongpin", ONG),
], "meetings": [
    M("Philippine officials meet aid donors' consultative group", "upcoming", "1987-05", None, None, ["Philippines", "World Bank-led consultative group of donors"],
      ["will meet major aid donors in May", "planned to sit down with a consultative group", "recommended that we meet some time"]),
    M("Philippine Congress convenes", "upcoming", "1987-07", None, None, ["Philippine Congress"],
      ["before the Congress convenes in July"]),
]})
A("reuters-17004", {"quotes": [
    Q("impair", "Fairchild management", ["fairchild", "fairchild management"], True),
    Q("significant additional purchases", "Quantum Fund N.V.", ["quantum", "quantum fund"], True),
], "meetings": [
    M("Fairchild annual shareholders meeting", "upcoming", "1987-04-22", None, None, ["Fairchild Industries shareholders"],
      ["Fairchild's annual shareholders meeting is scheduled"]),
]})
A("reuters-8437", {"quotes": [], "meetings": []})
A("reuters-16389", {"quotes": [
    Q("that our game plan does not call for an acquisition,", "George McGough", ["mcgough", "george mcgough"]),
], "meetings": []})
A("wns-34-0", {"quotes": [
    Q("Initial indications are that it is a fairly significant treasure trove of information,", "Lt. Gen. Lance Smith", ["smith", "lance smith", "general smith"]),
], "meetings": []})
A("wns-46-0", {"quotes": [
    Q("we may need help at the White House to deliver Sinn Fein's objectives", "Gerry Adams", ["adams", "gerry adams"]),
    Q("transparent and conclusive", "Ian Paisley", ["paisley", "ian paisley"], True),
], "meetings": [
    M("Sinn Fein-DUP secret negotiations", "ongoing", None, None, None, ["Sinn Fein", "Democratic Unionists"],
      ["Months of secret negotiations between the two sides"]),
    M("Paisley meeting with de Chastelain", "past", "2004-11-28", None, None, ["Ian Paisley", "John de Chastelain"],
      ["He was due to meet Canada's General John de Chastelain"]),
    M("Adams meeting with Hugh Orde in London", "past", "2004-11-28", None, "London", ["Gerry Adams", "Hugh Orde"],
      ["for an unprecedented meeting with Hugh Orde"]),
]})
A("reuters-12938", {"quotes": [], "meetings": []})
A("reuters-4136", {"quotes": [
    Q("not unsuccessful.", "Herbert Mittendorf", ["mittendorf", "herbert mittendorf"], True),
], "meetings": []})
A("reuters-10317", {"quotes": [], "meetings": []})
HOWE = ["howe", "geoffrey howe", "sir geoffrey howe"]
A("reuters-20864", {"quotes": [
    Q("We require numbers as well as words in all the commodity regimes,", "Sir Geoffrey Howe", HOWE),
    Q("An interim or partial solution covering some elements of the Commission package would be unacceptable to the United Kingdom.", "Sir Geoffrey Howe", HOWE),
    Q("The British position has become tougher,", "Bernard Bosson", ["bosson", "bernard bosson"]),
], "meetings": [
    M("EC foreign ministers meeting", "past", "1987-10-19", None, None, ["EC foreign ministers"],
      ["told his EC colleagues on Monday", "Howe was speaking at a meeting of EC foreign ministers"]),
    M("EC heads of government summit in December", "upcoming", "1987-12", None, None, ["EC heads of government"],
      ["in advance of an EC heads of government summit meeting in December"]),
    M("EC farm ministers meeting", "past", "1987-10-19", None, None, ["EC farm ministers"],
      ["simultaneously with a farm ministers' meeting", "Before his meeting got under way"]),
]})
A("reuters-20892", {"quotes": [
    Q("Our safety concerns are not of sufficient magnitude to withhold approval of further clinical studies designed to assess the safety and efficacy of ribavirin,", "U.S. Food and Drug Administration", ["fda", "food and drug administration"]),
    Q("suspicious", "Frank Young", ["young", "frank young"], True),
], "meetings": []})
MOR = ["morrow", "richard morrow"]
A("reuters-12680", {"quotes": [
    Q("will look pretty poor,", "Richard Morrow", MOR, True),
    Q("but it remains to be seen if they will match 1986 levels.", "Richard Morrow", MOR),
], "meetings": [
    M("Amoco security analyst meeting", "past", None, None, None, ["Amoco", "security analysts"],
      ["after a security analyst meeting", "Earlier, Morrow told the analysts", "Fuller told the analysts"]),
]})
AC = ["allis chalmers", "allis chalmers corp", "company"]
A("reuters-19596", {"quotes": [
    Q("agreement could not be worked out within the short time frame available, and it was determined that the only practical alternative was to obtain court protection.", "Allis-Chalmers Corp", AC),
    Q("This protection enables us to keep on operating our business in the ordinary course while affording us time to work out our obligations and complete our operational restructure strategy.", "Allis-Chalmers Corp", AC),
], "meetings": []})
KEL = ["kelman", "bryan kelman"]
A("reuters-17212", {"quotes": [
    Q("The acquisition will broaden CSR interests in building materials by the addition of complementary domestic and overseas businesses in concrete and clay tiles, metal roofing materials and concrete blocks and piping,", "Bryan Kelman", KEL),
    Q("Importantly, the acquisition will provide CSR with new growth opportunities in building materials both in Australia and overseas,", "Bryan Kelman", KEL),
], "meetings": [
    M("Redland-Monier talks on a Redland bid", "past", None, None, None, ["Redland", "Monier"],
      ["but the talks broke off two weeks ago"]),
]})
A("reuters-9279", {"quotes": [], "meetings": []})
A("reuters-4373", {"quotes": [
    Q("will impede any change of control of Magma.", "Newmont Mining Corp", ["newmont", "newmont mining"], True),
], "meetings": []})
A("reuters-16829", {"quotes": [
    Q("This case and the implications of it are quite serious. This is the beginning of this whole area of investigation,", "Rudolph Giuliani", ["giuliani", "rudolph giuliani"]),
], "meetings": []})
A("reuters-15089", {"quotes": [
    Q("case by case", "U.K. Government sources", ["government sources", "sources"], True),
], "meetings": [
    M("Securities regulators meeting in the U.K.", "past", "1986-12", None, None, ["U.K.", "Switzerland", "U.S.", "Canada", "Australia", "Hong Kong", "Japan", "France", "West Germany", "Holland"],
      ["with other countries which met in the U.K.", "The meeting involved delegates"]),
]})
MW = ["mwape", "michael mwape"]
A("reuters-12438", {"quotes": [
    Q("The question which should be asked and answered when designing programmes is who is going to bear the brunt of adjustment ... And what cushion is available to minimise the burden ?", "Michael Mwape", MW),
    Q("In spite of these, the economy has shown signs of stress, with no significant improvement in a number of areas,", "Michael Mwape", MW),
], "meetings": [
    M("Zambia-IMF talks on foreign exchange system", "past", None, None, None, ["Zambia", "IMF"],
      ["has just completed a new round of IMF talks"]),
]})
A("reuters-2745", {"quotes": [], "meetings": []})
MUL = ["mulford", "david mulford"]
A("reuters-4256", {"quotes": [
    Q("The Philippines negotiations resumed in early March and agreement now appears to be very near,", "David Mulford", MUL),
    Q("menu of options for supporting debtor reforms as a means of maintaining broad bank participation in new financing packages.", "David Mulford", MUL, True),
], "meetings": [
    M("Philippines debt rescheduling talks with bank advisory committee", "ongoing", "1987-03", None, None, ["Philippines", "commercial bank advisory committee"],
      ["An agreement in the debt rescheduling talks", "The Philippines negotiations resumed in early March", "Progress in the Philippines talks"]),
    M("Euromoney debt conference", "past", None, None, None, ["Euromoney"],
      ["Mulford told a debt conference", "will help to dispel concerns of a new debt crisis"]),
]})
A("reuters-17846", {"quotes": [
    Q("While our LDC debt exposure is relatively small, we think that the LDC debt environment has been altered significantly given the recent actions of other major financial institutions,", "Richard Flamson", ["flamson", "richard flamson"]),
], "meetings": []})
A("reuters-3982", {"quotes": [
    Q("The banks felt that this was new information and that further consultation was called for,", "one banker", ["banker"]),
    Q("The Philippine proposal is very interesting, it's quite unique and I don't think it's something that should be categorically rejected out of hand,", "a Reagan Administration official", ["official", "administration official", "reagan administration official"]),
], "meetings": [
    M("Philippines debt rescheduling talks with bank advisory committee (postponed to Thursday)", "upcoming", "1987-03-12", None, None, ["Philippines", "bank advisory committee"],
      ["Today's debt rescheduling talks between the Philippines"]),
    M("Advisory committee banks' brief meeting", "past", "1987-03-11", None, None, ["bank advisory committee"],
      ["The committee banks met briefly earlier today"]),
]})
A("reuters-17206", {"quotes": [], "meetings": [
    M("EC foreign ministers review of budget plans", "upcoming", "1987-04-26", None, None, ["EC foreign ministers"],
      ["receive their first full review from EC foreign ministers today"]),
]})
A("reuters-19597", {"quotes": [], "meetings": []})
A("reuters-8239", {"quotes": [], "meetings": [
    M("Nigeria-ECGD debt rescheduling talks", "ongoing", "1987-03-23", "1987-03-24", None, ["Nigeria", "Export Credits Guarantee Department"],
      ["Representatives from Nigeria are meeting today and tomorrow", "The talks follow an agreement reached"]),
]})
A("reuters-7144", {"quotes": [], "meetings": []})
A("reuters-18095", {"quotes": [
    Q("an intensification of the already expansionary stimulation of monetary and financial policy is not called for.", "Friedhelm Ost", ["ost", "friedhelm ost", "council"]),
], "meetings": [
    M("Kohl and officials meeting with council of economic experts", "past", None, None, None, ["Helmut Kohl", "council of economic experts"],
      ["after a meeting of Chancellor Helmut Kohl"]),
    M("Paris meeting in February", "past", "1987-02", None, "Paris", ["leading industrial countries"],
      ["at a meeting in Paris in February"]),
    M("Venice seven nation summit", "upcoming", "1987-W24", None, "Venice", ["Group of Seven"],
      ["ahead of next week's seven nation summit in Venice"]),
]})
CAL = ["calvet", "jacques calvet"]
A("reuters-5172", {"quotes": [
    Q("All the budgetary forecasts that we have been able to make ... Show a relatively significant improvement in 1987, compared with 1986,", "Jacques Calvet", CAL),
    Q("Our first problem is to produce enough vehicles to meet the demand,", "Jacques Calvet", CAL),
    Q("This is a relatively new problem for us.", "Jacques Calvet", CAL),
    Q("remain about the same -- perhaps even a little more optimistic.", "Jacques Calvet", CAL, True),
    Q("Our hope is that once the AX is fully developed, we will have between 6.5 and seven per cent of the national market.", "Jacques Calvet", CAL),
], "meetings": []})
A("reuters-2686", {"quotes": [], "meetings": []})
MAS = ["masse", "marcel masse", "masses"]
A("reuters-16701", {"quotes": [
    Q("It is planned as a comprehensive review of Canadian energy issues, an examination of the present energy situation, an attempt to identify and evaluate our options for the future,", "Marcel Masse", MAS),
    Q("I believe most of us accept the importance of allowing the market to function with the greatest possible freedom and flexibility,", "Marcel Masse", MAS),
    Q("However, because of intervention of all kinds, a market as perfect as we would like to have does not exist in this imperfect world,", "Marcel Masse", MAS),
], "meetings": [
    M("Canadian energy policy conferences", "upcoming", "1987-06", "1987-12", "Calgary", ["Canadian Energy Ministry", "Tom Kierans"],
      ["announced a series of conferences will be held across Canada", "The meetings, which will be chaired by Tom Kierans",
       "at the end of the conference sessions"]),
]})
A("reuters-11777", {"quotes": [
    Q("several hundred million dollars.", "Walter Seipp", ["seipp", "walter seipp"], True),
], "meetings": []})
WEH = ["wehler", "mike wehler"]
A("reuters-2226", {"quotes": [
    Q("Primarily it (the program) allows individual states to deal with their own problems according to a timetable that suits them best,", "Mike Wehler", WEH),
    Q("This program basically communicates to the FDA that we are concerned about safe drug use and will do our part to use drugs safely, if FDA will allow the same policy to continue in effect,", "Mike Wehler", WEH),
], "meetings": [
    M("NPPC delegate session at the American Pork Congress", "past", "1987-03-04", None, "Indianapolis", ["National Pork Producers Council delegates"],
      ["Delegates from the National Pork Producers Council", "The delegate body, attending the American Pork Congress"]),
]})
BAL = ["baldrige", "malcolm baldrige"]
A("reuters-17274", {"quotes": [
    Q("We have been very specific about our trade problems,", "Malcolm Baldrige", BAL),
    Q("I hope (Nakasone) brings some specific answers to the trade problems.", "Malcolm Baldrige", BAL),
    Q("We want to lift the sanctions as soon as possible,", "Malcolm Baldrige", BAL),
    Q("We have not seen that yet,", "Malcolm Baldrige", BAL),
    Q("We have a very special relationship with Japan. Japan is a friend and our ally,", "Malcolm Baldrige", BAL),
    Q("Neither one of us wants that to change.", "Malcolm Baldrige", BAL),
], "meetings": [
    M("Nakasone meeting with Reagan", "upcoming", "1987-W18", None, None, ["Yasuhiro Nakasone", "Ronald Reagan"],
      ["at a meeting with President Reagan this week"]),
]})
A("wns-0-3", {"quotes": [], "meetings": [
    M("Lula-Hu talks", "past", "2004-05-24", None, "Beijing", ["Luis Inacio Lula da Silva", "Hu Jintao"],
      ["Lula made his remarks during talks with President Hu Jintao"]),
    M("Lula state visit to China", "ongoing", "2004-05-22", None, "Beijing", ["Brazil", "China"],
      ["Silva is on a five-day state visit", "Lula arrived in Beijing on Saturday evening"]),
    M("Third Latin America-European Union summit", "upcoming", None, None, None, ["Latin America", "European Union"],
      ["he will travel to Mexico to attend the third summit"]),
    M("Global Conference on Poverty Reduction", "upcoming", None, None, "Shanghai", ["Luis Inacio Lula da Silva"],
      ["will also attend the Global Conference on Poverty Reduction"]),
]})
BAO = ["bao", "bao shusheng"]
A("wns-58-1", {"quotes": [
    Q("But before I said any word ... he bunched his fist and showed me his fist, then pushed my right shoulder", "Bao Shusheng", BAO),
    Q("Before I realized what had happened, he turned and rushed into his car and he left the scene, and I was stopped by his bodyguards,", "Bao Shusheng", BAO),
    Q("an attack.", "Bao Shusheng", BAO, True),
    Q("I think this is an insult as I'm representing the People's Republic of China as the ambassador and he is the prime minister. This should not be the attitude of a prime minister to an ambassador,", "Bao Shusheng", BAO),
    Q("I think this is a personal act,", "Bao Shusheng", BAO),
], "meetings": [
    M("Vanuatu parliamentary session", "past", "2004-12-01", None, "Port Vila", ["Vanuatu Parliament"],
      ["as a parliamentary session ended in Vanuatu's capital"]),
]})
# third stratum (articles with a future-meeting cue)
A("reuters-5208", {"quotes": [], "meetings": [
    M("Public hearings on the fiscal 1987/88 budget", "upcoming", "1987-03-19", "1987-03-20", None, ["Japanese parliament"],
      ["agree to postpone public hearings on the fiscal 1987/88 budget"]),
    M("Lower House Budget Committee sitting", "past", "1987-03-13", None, None, ["Lower House Budget Committee", "opposition parties"],
      ["They returned to the Lower House Budget Committee last Friday"]),
]})
A("reuters-15206", {"quotes": [
    Q("Members told him (De Zeeuw) that we lowered our (U.S.) loan rates and can't eliminate subsidies unilaterally,", "one source", ["source", "committee source"]),
], "meetings": [
    M("De Zeeuw visit to Washington", "ongoing", "1987-04-08", "1987-04-09", "Washington", ["Aart de Zeeuw", "congressional and administration officials"],
      ["is in Washington today and tomorrow to meet with congressional"]),
    M("De Zeeuw meeting with House Agriculture Committee members", "past", "1987-04-08", None, "Washington", ["Aart de Zeeuw", "House Agriculture Committee"],
      ["met this morning with members of the House Agriculture Committee"]),
    M("De Zeeuw meeting with Senate Agriculture members and Allen Wallis", "upcoming", "1987-04-08", None, "Washington", ["Aart de Zeeuw", "Senate Agriculture members", "Allen Wallis"],
      ["Later today De Zeeuw will meet the Senate Agriculture members"]),
    M("De Zeeuw meeting with House Ways and Means Trade Subcommittee and Senate Finance Committee", "upcoming", "1987-04-09", None, "Washington", ["Aart de Zeeuw", "House Ways and Means Trade Subcommittee", "Senate Finance Committee"],
      ["Tomorrow, De Zeeuw is to meet the House Ways and Means"]),
    M("De Zeeuw visit to Agriculture Secretary Lyng", "upcoming", "1987-04-09", None, "Washington", ["Aart de Zeeuw", "Richard Lyng"],
      ["before visiting Agriculture Secretary Richard Lyng"]),
    M("GATT agriculture negotiating group first meeting", "past", "1987-02", None, None, ["GATT negotiating group on agriculture"],
      ["The negotiating group on agriculture held its first meeting in February"]),
    M("GATT agriculture negotiating group meeting in May", "upcoming", "1987-05", None, None, ["GATT negotiating group on agriculture"],
      ["The negotiating group on agriculture held its first meeting in February"]),
]})
A("reuters-10122", {"quotes": [], "meetings": [
    M("ICCO council session", "ongoing", None, "1987-03-27", None, ["International Cocoa Organization"],
      ["when the council session is due to end"]),
    M("Bra Kanon bilateral consultations", "past", "1987-03-26", None, None, ["Denis Bra Kanon", "delegations"],
      ["Bra Kanon completed bilateral consultations"]),
    M("ICCO council reconvenes Friday", "upcoming", "1987-03-27", None, None, ["International Cocoa Organization"],
      ["The ICCO council is due to elect a new executive director when it reconvenes Friday",
       "with the council unlikely to reconvene until late Friday"]),
    M("ICCO executive committee meeting", "upcoming", "1987-03-27", None, None, ["ICCO executive committee"],
      ["The executive committee is due to meet Friday at 1100 GMT"]),
]})
ZAF = ["zaforteza", "jose zaforteza"]
A("reuters-6558", {"quotes": [
    Q("We would only take this step in the event of a lack of co-operation on the part of our creditors,", "Jose Zaforteza", ZAF),
    Q("It is unlikely they will refuse to renegotiate.", "Jose Zaforteza", ZAF),
    Q("It has been two months since we first detected signs of serious trouble at FECSA, and we still have no idea of how the company plans to restructure its finances.", "the spokesman for one U.S. Bank creditor", ["spokesman", "bank spokesman"]),
    Q("were now more in the dark", "the U.S. Bank spokesman", ["spokesman", "bank spokesman"], True),
    Q("We planned to sign this month but that looks unlikely under the present circumstances,", "a foreign banker", ["foreign banker", "banker"]),
], "meetings": [
    M("FECSA formal talks with creditors", "upcoming", "1987-04-06", None, None, ["FECSA", "creditors"],
      ["FECSA is scheduled to begin formal talks with its creditors on April 6"]),
]})
A("reuters-2783", {"quotes": [], "meetings": []})
A("reuters-6744", {"quotes": [
    Q("Foreign policy decisions of the U.S. State Department have in the past severely hampered our efforts to move our product to overseas markets,", "Jim Miller", ["miller", "jim miller"]),
    Q("wanted to be certain the secretary was aware of our concerns regarding the reopening of wheat trade with the Soviet Union.", "National Association of Wheat Growers", ["nawg", "miller", "national association of wheat growers"], True),
], "meetings": [
    M("NAWG board meeting with Shultz and Wallis", "upcoming", None, None, None, ["National Association of Wheat Growers", "George Shultz", "Allen Wallis"],
      ["board of directors is scheduled to meet Secretary of State George Schultz",
       "the organization wanted to convey to Secretary Schultz"]),
    M("Shultz meeting with Soviet representatives", "upcoming", "1987-04", None, None, ["George Shultz", "Soviet Union"],
      ["Secretary Schultz is scheduled to meet next month with representatives of the Soviet Union"]),
]})
A("reuters-5427", {"quotes": [
    Q("at least", "Lawton Chiles", ["chiles", "lawton chiles", "sources"], True),
], "meetings": [
    M("Senate Budget Committee first drafting session", "upcoming", "1987-03-17", None, None, ["Senate Budget Committee"],
      ["The Senate committee will hold its first drafting session on a budget tomorrow"]),
    M("House Budget Committee drafting session", "upcoming", "1987-W12", None, None, ["House Budget Committee"],
      ["The Senate committee will hold its first drafting session on a budget tomorrow"]),
]})
A("reuters-3556", {"quotes": [], "meetings": []})
FUJ = ["fujioka", "masao fujioka"]
A("reuters-16965", {"quotes": [
    Q("but the situation remains the same.", "Masao Fujioka", FUJ),
    Q("The bank's board agreed to change Taiwan's name to 'Taipei, China',", "Masao Fujioka", FUJ),
    Q("We have tried to maintain our channels of communication through the Taiwanese director, but we are not negotiating with a view to changing our agreement with China,", "Masao Fujioka", FUJ),
    Q("The situation (in Vietnam) is not conducive to bank operations,", "Masao Fujioka", FUJ),
    Q("Vietnam continues to be a member. We would like to help it, but new loans seem to be difficult.", "Masao Fujioka", FUJ),
    Q("It's not a question of political instability, the environment has to be right for banking operations.", "Masao Fujioka", FUJ),
    Q("truly Asian", "Masao Fujioka", FUJ, True),
    Q("It's been a very slow start,", "Masao Fujioka", FUJ),
    Q("We identified three projects (in China). One disappeared and we now have only two left.", "Masao Fujioka", FUJ),
    Q("There is a sort of agreement that our loans to India should be modest and that the World Bank should be the major lender,", "Masao Fujioka", FUJ),
], "meetings": [
    M("ADB annual meeting in Manila (1986)", "past", "1986", None, "Manila", ["Asian Development Bank"],
      ["boycott of the ADB's last annual meeting in Manila", "which complained at last year's meeting"]),
    M("ADB 20th annual meeting in Osaka", "upcoming", "1987-04-27", None, "Osaka", ["Asian Development Bank", "Taiwan"],
      ["the bank's 20th annual meeting starting April 27 in Osaka"]),
]})
AWB = ["awb", "australian wheat board", "board"]
A("reuters-12420", {"quotes": [
    Q("Many AWB customers are becoming increasingly quality conscious, demanding strict adherence to contractual quality specifications,", "Australian Wheat Board", AWB),
    Q("Many of the specifications are more specific than the current categories used in Australia,", "Australian Wheat Board", AWB),
    Q("It is essential that wheat moves by the most economic mode to the nearest efficient port, irrespective of the state in which the wheat is grown or stored,", "Australian Wheat Board", AWB),
], "meetings": []})
A("reuters-18271", {"quotes": [], "meetings": [
    M("House Foreign Affairs Committee session on Gulf resolution", "past", "1987-06-02", None, None, ["House Foreign Affairs Committee"],
      ["The resolution was expected to pass without controversy today in the House Foreign Affairs Committee"]),
]})
A("reuters-14892", {"quotes": [], "meetings": []})
A("reuters-17783", {"quotes": [], "meetings": [
    M("Cominco meeting with two striking locals", "upcoming", "1987-06-01", None, None, ["Cominco", "United Steelworkers of America locals"],
      ["Cominco Ltd said it expects to meet today with two of five"]),
    M("Office and technical workers' negotiation session", "past", "1987-05-21", None, None, ["Cominco", "office and technical workers"],
      ["The office and technical workers last negotiated May 21"]),
]})
DEI = ["dei anang", "koffi dei anang"]
A("reuters-17991", {"quotes": [
    Q("We do have difficulty with repayment of loans on time,", "Koffi Dei-Anang", DEI),
    Q("We have never had a default. We have never written off a loan,", "Koffi Dei-Anang", DEI),
    Q("The capital increase is in effect a passport to the capital market,", "Koffi Dei-Anang", DEI),
    Q("It will enable us to borrow something like 4.5 billion dlrs in the next five years,", "Koffi Dei-Anang", DEI),
], "meetings": [
    M("African Development Bank annual general meeting in Cairo", "upcoming", "1987-06-09", "1987-06-11", "Cairo", ["African Development Bank"],
      ["will hold its annual general meeting in Cairo from June 9 to June 11", "The agenda will include the approval"]),
    M("ADB board of governors ad-hoc committee", "past", "1986-12", None, None, ["ADB ad-hoc committee of the board of governors"],
      ["an ad-hoc committee of the ADB's board of governors"]),
]})
A("reuters-5860", {"quotes": [], "meetings": [
    M("World Bank executive board meeting", "upcoming", "1987-03-17", None, "Washington", ["World Bank executive board"],
      ["at a meeting of its executive board today in Washington"]),
    M("Aquino visit to the United States", "past", "1986-09", None, None, ["Corazon Aquino", "United States"],
      ["during a visit to the United States by President Corazon Aquino"]),
    M("Negotiations on a 150 mln dlr World Bank loan", "upcoming", "1987-04", None, None, ["Philippines", "World Bank"],
      ["negotiations would start in April on another 150 mln dlr loan"]),
]})
A("reuters-7037", {"quotes": [
    Q("Europeans in favour of the tax say it would be to their advantage economically, but that is not correct because we would hit back,", "Jack Reed", ["reed", "jack reed"]),
], "meetings": [
    M("ASA and NSPA delegations meet West German officials", "upcoming", "1987-03-19", "1987-03-20", None, ["American Soybean Association", "National Soybean Processors Association", "West German government"],
      ["delegations will meet top West German government officials today and tomorrow"]),
]})
A("reuters-6618", {"quotes": [
    Q("will be difficult, if not impossible", "Beshir Omer", ["omer", "beshir omer"], True),
], "meetings": [
    M("Sudanese parliament session (Omer statement)", "past", None, None, None, ["Sudanese parliament", "Beshir Omer"],
      ["Finance Minister Beshir Omer has told parliament"]),
]})
CAS = ["cassoni", "vittorio cassoni"]
A("reuters-8896", {"quotes": [
    Q("sharper focus", "Vittorio Cassoni", CAS, True),
    Q("a couple of years", "Vittorio Cassoni", CAS, True),
    Q("substantial contribution to ATT's earnings stream.", "Vittorio Cassoni", CAS, True),
    Q("approaching", "Vittorio Cassoni", CAS, True),
    Q("a very significant step to foster our efforts in the computer business.", "Vittorio Cassoni", CAS, True),
], "meetings": []})
HAT = ["hatakeyama", "noboru hatakeyama"]
SFO = ["foreign ministry official", "senior official", "official"]
A("reuters-12472", {"quotes": [
    Q("The sanctions are against the free trade system,", "Noboru Hatakeyama", HAT),
    Q("If these measures are taken, the atmosphere in Japan against the United States would become not so good as before.", "Noboru Hatakeyama", HAT),
    Q("The U.S. Action will have a significant impact on the growing anti-U.S. Feeling (here),", "another MITI official", ["miti official", "official"]),
    Q("There is a very strong argument in Japan that since the United States is imposing tariffs unilaterally, why should we bother doing anything,", "a senior Foreign Ministry official", SFO),
    Q("Anything we do, we will be bashed.", "a senior Foreign Ministry official", SFO),
    Q("I don't think trade friction will be solved all of a sudden (by the visit),", "a senior Foreign Ministry official", SFO),
], "meetings": [
    M("Japanese team's preparatory talks in Washington", "upcoming", None, None, "Washington", ["Japan", "United States"],
      ["Japan is sending a three-man team to Washington"]),
    M("High-level U.S.-Japan emergency talks on microchips", "upcoming", "1987-W15", None, None, ["Japan", "United States"],
      ["The team will lay the groundwork for high-level emergency talks next week"]),
    M("Nakasone visit to Washington", "upcoming", "1987-04-29", None, "Washington", ["Yasuhiro Nakasone", "Ronald Reagan"],
      ["when he visits Washington on April 29", "I don't think trade friction will be solved all of a sudden",
       "Nakasone is widely expected to present a package of measures to President Reagan"]),
]})
A("reuters-672", {"quotes": [], "meetings": [
    M("EC agriculture ministers meeting on butter rules", "ongoing", "1987-03-02", None, None, ["EC agriculture ministers"],
      ["agriculture ministers struggled today to finalise new rules"]),
    M("December EC dairy negotiations", "past", "1986-12", None, None, ["EC agriculture ministers"],
      ["after virtually nine days of non-stop negotiations"]),
]})
