/**
 * The commonest short English words. Almost any short string is one slip from some dictionary
 * word (`et` from `at`, `de` from `ed`), so a short unknown word is reported only when it is a slip
 * of one of these (`teh`, `adn`, `thes`), the slips that do happen; and among suggestions they
 * come first.
 */
export const commonWords: ReadonlySet<string> = new Set(
  (
    'a I am an as at be by do go he if in is it me my no of on or so to up us we ' +
    'act add age ago air all and any are arm art ask bad bed big bit box boy but buy can car cut day did die dog due ' +
    'eat end eye far few fit for fun get god got gun had has her him his hit hot how its job key law lay led let lie ' +
    'lot low man map may men mix new nor not now off oil old one our out own pay per put ran red run sat saw say sea ' +
    'see set she sit six sky son sun tax ten the too top try two use via war was way who why win yes yet you ' +
    'able also area away back base been best body book both call came case city come cost data days does done door down ' +
    'each even ever face fact feel felt find five food form four free from full gave give goes going gone good half hand ' +
    'have head hear held help here high home hope idea into just keep kind knew know land last late left less life like ' +
    'line list live long look lost made main make many mean meet mind more most move much must name near need news next ' +
    'none note once only open over part past plan play read real rest role room rule said same seen self send sent show ' +
    'side size some soon step such sure take talk team tell term than that them then they this thus time told took town ' +
    'tree true turn type unit upon used very view wait walk want week well went were what when whom wide will wish with ' +
    'word work year your ' +
    'about after again being could every first found great large later might never other place right shall since small ' +
    'still their there these thing think those three under until where which while world would years people should before'
  ).split(' ')
)
