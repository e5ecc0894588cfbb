/**
 * Stop words of the headline languages the story engine stems (lower case, accents folded, apostrophes
 * dropped, as `foldWord` produces them), plus a few words that newsrooms put on any headline ("update",
 * "video", "live") and that would otherwise tie unrelated stories together before IDF has learnt them.
 * The lists double as the evidence for guessing a headline's language.
 */
export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl';

export const LANGUAGES: readonly Language[] = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl'];

const WORDS: Record<Language, string> = {
  en: `a about above after again against all also am an and any are arent as at be because been before being
    below between both but by can cant could couldnt did didnt do does doesnt doing dont down during each few for
    from further had hadnt has hasnt have havent having he hed hell hes her here heres hers herself him himself his
    how hows i id ill im ive if in into is isnt it its itself lets me more most mustnt my myself no nor not of off
    on once only or other ought our ours ourselves out over own same shant she shed shell shes should shouldnt so
    some such than that thats the their theirs them themselves then there theres these they theyd theyll theyre
    theyve this those through to too under until up very was wasnt we wed well were weve werent what whats when
    whens where wheres which while who whos whom why whys will with wont would wouldnt you youd youll youre youve
    your yours yourself yourselves may might must shall just now new says said say get gets got one two via vs
    amid per yet still within without upon among like back how`,
  de: `aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus
    bei beim bin bis bist da damit dann das dass dem den denn der des dich die dies diese diesem diesen dieser
    dieses dir doch dort du durch ein eine einem einen einer eines er es etwas euch euer eure fur gegen gewesen
    hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in ist
    jede jedem jeden jeder jedes jetzt kann kein keine keinem keinen keiner konnen mich mir mit muss nach nicht
    nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seit sich sie sind so soll sollen
    sollte sondern uber um und uns unser unsere unter vom von vor war waren warum was weil welche welchem welchen
    welcher welches wenn wer werden wie wieder will wir wird wo wollen zu zum zur zwischen neue neuer neues neuen
    gibt mehr schon sagt`,
  fr: `a au aux avec ce ces cette ceux ci comme dans de des du elle elles en est et etre eu il ils je la le les
    leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ont ou par pas pour qu que qui sa se ses son
    sont sur ta te tes toi ton tu un une vos votre vous y ete etait sera sans sous apres avant contre entre chez
    vers plus moins tres tout tous toute toutes fait peut selon encore deja aussi nouveau nouvelle nouvelles
    nouveaux dit l d j m n s t c qu jusqu lorsqu puisqu`,
  es: `a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella
    ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fue fueron ha han hasta hay la
    las le les lo los mas me mi mis mucho muy ni no nos o otra otras otro otros para pero poco por porque que
    quien se sea ser si sin sobre son su sus tambien tanto te tiene tienen todo todos tras tu un una uno unos y
    ya nuevo nueva nuevos nuevas segun dice`,
  it: `a ad al alla alle allo agli ai anche che chi ci come con contro cui da dal dalla dalle dagli dai de del
    della delle dello degli dei di dopo e ed era gli ha hanno i il in io la le lei li lo loro lui ma mi ne nei
    nel nella nelle nello negli noi non o per piu poi quando quella quelle quello questa queste questo se sei si
    sia sono su sua sue sui sul sulla suo suoi tra tu tutti tutto un una uno gia ancora oggi nuovo nuova nuovi
    nuove dice secondo senza sotto verso l dell dall nell sull all un quell`,
  pt: `a ao aos as ate com como contra da das de dela dele deles depois do dos e ela elas ele eles em entre era
    essa essas esse esses esta estas este estes eu foi foram ha isso isto ja la lhe mais mas me mesmo meu minha
    muito na nao nas nem no nos num numa o os ou para pela pelas pelo pelos por porque qual quando que quem se
    sem ser seu seus sua suas sob sobre tambem tem ter um uma umas uns voce novo nova novos novas diz apos segundo`,
  nl: `aan al alles als altijd ander andere bij daar dan dat de der deze die dit doch doen door dus een eens en
    er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iets ik in is ja je kan kon kunnen maar
    me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons onze ook op over reeds te tegen toch
    toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wij wil worden wordt zal ze zelf zich
    zij zijn zo zonder zou nieuwe nieuw zegt`,
};

/** Words newsrooms attach to headlines of any story, in all of the languages above. */
const HEADLINE_BOILERPLATE = `update updated updates video videos photo photos pictures watch live breaking
  exclusive news report reports latest today week year day analysis opinion interview review reviews blog
  podcast gallery foto fotos bilder nachrichten aktuell actualites actualite noticias notizie noticia nieuws
  direct direkt diretta vivo`;

function toSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

export const STOP_WORDS: Record<Language, Set<string>> = Object.fromEntries(
  LANGUAGES.map((lang) => [lang, toSet(WORDS[lang])]),
) as Record<Language, Set<string>>;

const BOILERPLATE = toSet(HEADLINE_BOILERPLATE);

/** How many of the languages list each stop word. */
const SHARED_BY = new Map<string, number>();
for (const lang of LANGUAGES)
  for (const word of STOP_WORDS[lang]) SHARED_BY.set(word, (SHARED_BY.get(word) ?? 0) + 1);

/** Short stop words of every language count whatever the guess, so a wrong guess cannot make "de" a key. */
const ANY_LANGUAGE = new Set([...LANGUAGES.flatMap((lang) => [...STOP_WORDS[lang]]), ...BOILERPLATE]);

export function isStopWord(folded: string, lang: Language): boolean {
  return (
    STOP_WORDS[lang].has(folded) ||
    BOILERPLATE.has(folded) ||
    (folded.length <= 2 && ANY_LANGUAGE.has(folded))
  );
}

/**
 * The language whose stop words the headline uses most; English on a tie or when there are none, as the
 * light English stemmer is the least destructive one on a foreign word.
 */
export function guessLanguage(foldedWords: readonly string[]): Language {
  let best: Language = 'en';
  let bestScore = 0;
  for (const lang of LANGUAGES) {
    const stops = STOP_WORDS[lang];
    let score = 0;
    // A word shared by several languages ("a", "de", "la") is weaker evidence than one of its own.
    for (const word of foldedWords) if (stops.has(word)) score += 1 / (SHARED_BY.get(word) ?? 1);
    if (score > bestScore + 1e-9) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
