//! Every interface string, in Portuguese and English, in one table; `problems`
//! builds the messages about a dataset's problems from the same table.
//!
//! Longer than 400 lines: the string table itself (one line per interface string, both languages).

pub mod labels;
pub mod official;
pub mod problems;

use crate::core::data::problem::ProblemKind;
use crate::core::data::{Lang, Problem};

macro_rules! strings {
    ($($key:ident => $pt:expr, $en:expr;)*) => {
        /// A translatable interface string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }

        /// The string for `key` in `lang`.
        pub fn t(lang: Lang, key: Key) -> &'static str {
            match (lang, key) {
                $((Lang::Pt, Key::$key) => $pt, (Lang::En, Key::$key) => $en,)*
            }
        }
    };
}

strings! {
    AppTitle => "Vagas", "Vagas";
    SkipToContent => "Saltar para o conteúdo", "Skip to content";
    Pages => "Páginas", "Pages";
    PageOverview => "Visão geral", "Overview";
    PageExplore => "Explorar escassez", "Shortages explorer";
    PageConsultations => "Consultas", "Consultations";
    PageProfile => "Perfil da região", "Region profile";
    OpenProfile => "Abrir o perfil da região", "Open the region profile";
    BarriersTitle => "Barreiras por tema e grupo de partes interessadas", "Barriers by theme and stakeholder group";
    BarriersHint => "Clique numa barra para filtrar por tema; a lista de recomendações e os outros gráficos seguem.", "Click a bar to filter by theme; the recommendations list and the other charts follow.";
    WeightBy => "Medir por", "Measure by";
    WeightCount => "Número de contributos", "Number of points raised";
    WeightVotes => "Apoios (votos)", "Supports (votes)";
    WeightPriority => "Pontuação ponderada pela prioridade", "Priority-weighted score";
    MatrixTitle => "Matriz de prioridades: frequência × prioridade média", "Priority matrix: how often × average priority";
    MatrixHint => "Cada tema: quantas vezes foi levantado (horizontal) e a prioridade média (vertical, 1 baixa – 3 alta); o tamanho mostra os apoios médios.", "Each theme: how often it was raised (across) and its average priority (up, 1 low – 3 high); size shows average votes.";
    MeanPriority => "Prioridade média", "Average priority";
    MeanVotes => "Apoios médios", "Average votes";
    RecommendationsTitle => "Recomendações", "Recommendations";
    Search => "Pesquisar (pt/en)", "Search (pt/en)";
    AllThemes => "Todos os temas", "All themes";
    AllGroups => "Todos os grupos", "All groups";
    AllStatuses => "Todos os estados", "All statuses";
    Group => "Grupo", "Group";
    Status => "Estado", "Status";
    StatusProposed => "proposta", "proposed";
    StatusAccepted => "aceite", "accepted";
    StatusInProgress => "em curso", "in progress";
    StatusImplemented => "implementada", "implemented";
    StatusRejected => "rejeitada", "rejected";
    Priority => "Prioridade", "Priority";
    PriorityHigh => "alta", "high";
    PriorityMedium => "média", "medium";
    PriorityLow => "baixa", "low";
    Recommendation => "Recomendação", "Recommendation";
    SaidBy => "Dito por", "Said by";
    Event => "Evento", "Event";
    NoRecommendations => "Nenhum contributo corresponde aos filtros e à pesquisa.", "No outcome matches the filters and the search.";
    ResultsCount => "contributos", "points raised";
    EventsTitle => "Eventos de consulta", "Consultation events";
    Date => "Data", "Date";
    Place => "Local", "Place";
    Format => "Formato", "Format";
    Participants => "Participantes", "Participants";
    StatusSummary => "O que aconteceu às recomendações", "What happened to the recommendations";
    ProfileOf => "Perfil", "Profile";
    ProfileHint => "Escolha uma região no filtro «Região» ou clique num distrito do mapa.", "Pick a region in the “Region” filter or click a district on the map.";
    OccupationFilter => "Ocupação (CITP/ISCO-08)", "Occupation (ISCO-08)";
    AllOccupations => "Todas as ocupações", "All occupations";
    ClearFilters => "Limpar filtros", "Clear filters";
    UrlIgnored => "Alguns parâmetros da ligação foram ignorados:", "Some link parameters were ignored:";
    Dismiss => "Fechar", "Dismiss";
    Indicator => "Indicador", "Indicator";
    IndRatio => "Vagas por candidato", "Vacancies per jobseeker";
    IndOpen => "Vagas em aberto (média mensal)", "Open vacancies (monthly average)";
    IndNew => "Novas vagas (total)", "New vacancies (total)";
    IndJobseekers => "Candidatos registados (média mensal)", "Registered jobseekers (monthly average)";
    IndPlacements => "Colocações (total)", "Placements (total)";
    IndChange => "Vagas em aberto: variação homóloga (%)", "Open vacancies: change vs a year earlier (%)";
    ShowTable => "Tabela", "Table";
    ShowChart => "Gráfico", "Chart";
    DownloadCsv => "CSV", "CSV";
    DownloadSvg => "SVG", "SVG";
    DownloadPng => "PNG", "PNG";
    DownloadHint => "Descarregar", "Download";
    NothingToDownload => "Nada a descarregar: este gráfico não tem dados.", "Nothing to download: this chart has no data.";
    MapTitle => "Mapa por distrito", "Map by district";
    MapHint => "Clique num distrito (ou Tab e Enter) para filtrar as outras vistas; clique de novo para limpar.", "Click a district (or Tab and Enter) to filter the other views; click again to clear.";
    NoDataLegend => "sem dados", "no data";
    Legend => "Legenda", "Legend";
    RatioLargeSurplus => "Excedente grande de candidatos", "Large surplus of jobseekers";
    RatioSurplus => "Excedente de candidatos", "Surplus of jobseekers";
    RatioMildSurplus => "Mais candidatos do que vagas", "More jobseekers than vacancies";
    RatioBalanced => "Equilíbrio", "Balanced";
    RatioShortage => "Escassez de trabalhadores", "Shortage of workers";
    RatioSevereShortage => "Escassez grave", "Severe shortage";
    AllValues => "todos os valores", "all values";
    SeriesTitle => "Evolução mensal", "Monthly series";
    SeriesHint => "Passe o cursor ou use ← → no gráfico para ler os valores; o período selecionado está sombreado.", "Hover or use ← → on the chart to read values; the selected period is shaded.";
    Compare => "Comparar", "Compare";
    AddArea => "Adicionar região…", "Add a region…";
    AddButton => "Adicionar", "Add";
    RankOccupations => "Ocupações", "Occupations";
    RankSectors => "Setores (CAE/NACE)", "Sectors (NACE)";
    RankingTitle => "Ranking", "Ranking";
    SortBy => "Ordenar por", "Sort by";
    RankHint => "Clique numa barra para filtrar as outras vistas.", "Click a bar to filter the other views.";
    SeasonalityTitle => "Sazonalidade: vagas por candidato, por mês do ano", "Seasonality: vacancies per jobseeker by month of the year";
    SeasonalityWindow => "Médias por mês do ano sobre o período ou, se for mais curto, sobre os 12 meses que terminam nele. Clique numa linha para filtrar.", "Averages by month of the year over the period or, if shorter, the 12 months ending with it. Click a row to filter.";
    SeasonalityHint => "⇅ assinala ocupações que alternam entre escassez (mais vagas do que candidatos) e excedente ao longo do ano.", "⇅ flags occupations that swing between shortage (more vacancies than jobseekers) and surplus across the year.";
    Swings => "alterna escassez/excedente", "swings shortage/surplus";
    SourceLine => "Fonte: Vagas — dados ilustrativos, não são estatísticas oficiais.", "Source: Vagas — illustrative data, not official statistics.";
    Period => "Período", "Period";
    Value => "Valor", "Value";
    Selected => "selecionado", "selected";
    AppSubtitle => "Escassez de trabalhadores e consultas às partes interessadas", "Labour shortages and stakeholder consultations";
    DocumentTitle => "Vagas — Escassez de trabalhadores e consultas às partes interessadas", "Vagas — Labour shortages and stakeholder consultations";
    SwitchLanguage => "Switch to English", "Mudar para português";
    OtherLanguageShort => "English", "Português";
    Loading => "A carregar dados…", "Loading data…";
    IllustrativeBodyLabour => "Os números do mercado de trabalho do painel (os do conjunto incluído) são exemplos ilustrativos, não estatísticas oficiais.", "The dashboard's labour-market figures (the bundled ones) are illustrative examples, not official statistics.";
    IllustrativeBodyConsultations => "As consultas do painel (as do conjunto incluído) são exemplos ilustrativos; os números do mercado de trabalho são os que carregou.", "The dashboard's consultations (the bundled ones) are illustrative examples; the labour-market figures are the ones you loaded.";
    IllustrativeTitle => "Dados ilustrativos", "Illustrative data";
    IllustrativeBody => "Os números do mercado de trabalho e as consultas neste painel são exemplos ilustrativos, não estatísticas oficiais. Ordens de grandeza e sazonalidade inspiram-se nas fontes publicadas abaixo.", "The labour-market figures and consultations in this dashboard are illustrative examples, not official statistics. Magnitudes and seasonality follow the published sources below.";
    Sources => "Fontes", "Sources";
    Filters => "Filtros", "Filters";
    PeriodFrom => "De", "From";
    PeriodTo => "Até", "To";
    Region => "Região", "Region";
    Sector => "Setor (CAE/NACE)", "Sector (NACE)";
    AllSectors => "Todos os setores", "All sectors";
    Portugal => "Portugal (todas as regiões)", "Portugal (all regions)";
    FocusAreas => "Áreas de foco", "Focus areas";
    Districts => "Distritos e regiões autónomas", "Districts and autonomous regions";
    Headlines => "Indicadores principais", "Headline figures";
    VacanciesOpen => "Vagas em aberto", "Open vacancies";
    Jobseekers => "Candidatos registados", "Registered jobseekers";
    VacanciesNew => "Novas vagas", "New vacancies";
    Placements => "Colocações", "Placements";
    Ratio => "Vagas por candidato", "Vacancies per jobseeker";
    MonthlyAverage => "média mensal", "monthly average";
    PeriodTotal => "total do período", "period total";
    RatioHint => "vagas em aberto ÷ candidatos registados", "open vacancies ÷ registered jobseekers";
    NoData => "Sem dados para esta seleção.", "No data for this selection.";
    Unavailable => "Indisponível: o ficheiro de dados não carregou (ver «Conjuntos de dados» abaixo).", "Unavailable: the data file did not load (see “Datasets” below).";
    TopOccupations => "Ocupações com maior escassez", "Most-short occupations";
    TopOccupationsHint => "Ordenadas por vagas em aberto por candidato registado (médias mensais do período).", "Ranked by open vacancies per registered jobseeker (monthly averages over the period).";
    Occupation => "Ocupação (CITP/ISCO-08)", "Occupation (ISCO-08)";
    OutcomesByTheme => "Resultados das consultas por tema", "Consultation outcomes by theme";
    OutcomesHint => "Contributos registados nas consultas da região, de todas as datas (ou só do período escolhido, se assinalar abaixo); com um setor escolhido incluem-se também os transversais.", "Points raised in consultations in the region, of every date (or only in the chosen period, if ticked below); with a sector chosen, cross-sector points are included.";
    Theme => "Tema", "Theme";
    Outcomes => "Contributos", "Points raised";
    Votes => "Apoios", "Votes";
    NoOutcomes => "Nenhum contributo de consulta para estes filtros.", "No consultation outcomes for these filters.";
    Datasets => "Conjuntos de dados", "Datasets";
    Manifest => "Lista de conjuntos de dados (manifesto)", "List of datasets (manifest)";
    StatusLoading => "a carregar…", "loading…";
    StatusLoaded => "carregado", "loaded";
    StatusFailed => "erro", "failed";
    StatusWaiting => "à espera das listas de códigos", "waiting for the code lists";
    Retry => "Tentar de novo", "Retry";
    RetryFailedAgain => "Tentativa {n}: continua sem carregar.", "Attempt {n}: it still did not load.";
    PartFailed => "Esta parte da aplicação não chegou: a ligação pode ter falhado, ou a aplicação foi atualizada depois de esta página abrir. Tente de novo ou recarregue a página (a vista em que estava fica no endereço); o que já estava carregado mantém-se.", "This part of the app did not arrive: the connection may have failed, or the app was updated after this page opened. Try again, or reload the page (the view you were on is kept in the address); what was already loaded stays.";
    PartLoading => "A carregar esta parte da aplicação…", "Loading this part of the app…";
    RestoreFailed => "Os dados guardados neste navegador não puderam ser repostos: a parte da aplicação que os lê não chegou (a ligação pode ter falhado, ou a aplicação foi atualizada depois de esta página abrir). Continuam guardados: tente de novo ou recarregue a página.", "The datasets kept in this browser could not be brought back: the part of the app that reads them did not arrive (the connection may have failed, or the app was updated after this page opened). They are still stored: try again, or reload the page.";
    ReloadPage => "Recarregar a página", "Reload the page";
    Records => "registos", "records";
    LoadFailed => "Não foi possível usar o ficheiro", "Could not use the file";
    Expected => "esperado", "expected";
    Found => "encontrado", "found";
    Line => "linha", "line";
    MoreProblems => "outros problemas não listados", "more problems not listed";
    Warning => "aviso", "warning";
    Error => "erro", "error";
    Licence => "Licença", "Licence";
    DateOfFigures => "Data dos números", "Date of the figures";
    BoundariesCredit => "Limites: Natural Earth (domínio público).", "Boundaries: Natural Earth (public domain).";
    MonthlySeries => "Evolução mensal", "Monthly trend";
    Month => "Mês", "Month";
    Shortage => "escassez", "shortage";
    Dependency => "Depende das listas de códigos, que não carregaram.", "Depends on the code lists, which did not load.";
    NetworkError => "Falha de rede ao pedir o ficheiro", "Network failure while requesting the file";
    HttpError => "O servidor respondeu com o estado", "The server answered with status";
    ProblemSyntax => "Não é JSON válido", "Not valid JSON";
    ProblemShape => "Valor de tipo errado ou campo em falta", "Wrong type or missing field";
    ProblemFormat => "Formato de ficheiro errado", "Wrong file format";
    ProblemVersion => "Versão do formato não suportada", "Unsupported format version";
    ProblemUnknownCode => "Código desconhecido", "Unknown code";
    ProblemDuplicate => "Duplicado", "Duplicate";
    ProblemNegative => "Contagem negativa", "Negative count";
    ProblemTooLarge => "Número demasiado grande", "Number too large";
    ProblemMonth => "Mês inválido", "Invalid month";
    ProblemDate => "Data inválida", "Invalid date";
    ProblemRange => "Valor fora do esperado", "Unexpected value";
    ProblemIndex => "Índice fora do dicionário", "Index outside the dictionary";
    ProblemLength => "Colunas de comprimento diferente", "Columns of different lengths";
    ProblemEmpty => "Vazio", "Empty";
    ProblemGeometry => "Geometria inválida", "Invalid geometry";
    ProblemMissing => "Em falta", "Missing";
    DidYouMean => "Quis dizer", "Did you mean";
    PageData => "Os seus dados", "Your data";
    RecordsLabel => "Registos", "Records";
    PageFormat => "Formato dos dados", "Data format";
    LoadTitle => "Carregar os seus dados", "Load your own data";
    LoadIntro => "Ficheiros JSON no formato Vagas (mercado de trabalho ou consultas) ou CSV do mercado de trabalho. Ficam só neste navegador: nada é enviado para nenhum servidor.", "JSON files in the Vagas format (labour market or consultations) or a labour-market CSV. They stay in this browser: nothing is sent to any server.";
    PickFiles => "Escolher ficheiros…", "Choose files…";
    OrDrop => "ou arraste-os para qualquer ponto da página.", "or drag them anywhere onto the page.";
    DropHere => "Largue os ficheiros para os carregar", "Drop the files to load them";
    LoadUrl => "Ou carregar de um endereço (o servidor tem de permitir CORS)", "Or load from an address (the server must allow CORS)";
    LoadUrlButton => "Carregar", "Load";
    ModeLegend => "Um ficheiro carregado…", "A loaded file…";
    ModeReplace => "substitui os dados incluídos do mesmo tipo", "replaces the bundled data of its kind";
    ModeAdd => "acrescenta-se aos dados incluídos (os registos carregados prevalecem)", "adds to the bundled data (loaded records win)";
    LoadedTitle => "Dados carregados por si", "Data you loaded";
    BackToBundled => "Voltar aos dados incluídos", "Back to the bundled data";
    Remove => "Remover", "Remove";
    Checking => "A verificar", "Checking";
    CheckingBackground => "em segundo plano; pode continuar a usar a página", "in the background; you can keep using the page";
    DroppedRecordsOne => "registo com erros deixado de fora", "record with errors left out";
    DroppedRecords => "registos com erros deixados de fora", "records with errors left out";
    KeepValidOne => "Manter o registo válido e deixar de fora {dropped}", "Keep the valid record and leave out {dropped}";
    KeepValid => "Manter os {kept} registos válidos e deixar de fora {dropped}", "Keep the {kept} valid records and leave out {dropped}";
    RejectedLine => "Não aplicado: o ficheiro tem erros. Corrija-o e carregue-o de novo, ou mantenha só os registos válidos.", "Not applied: the file has errors. Fix it and load it again, or keep the valid records only.";
    RejectedNothing => "Não aplicado: nada no ficheiro pode ser usado.", "Not applied: nothing in the file can be used.";
    RejectedUnchecked => "Não aplicado: o ficheiro não pôde ser verificado neste navegador.", "Not applied: the file could not be checked in this browser.";
    SavedYes => "guardado neste navegador", "kept in this browser";
    SavedFailed => "NÃO foi guardado neste navegador", "NOT kept in this browser";
    FromUrl => "lido do endereço a cada visita", "read from the address on each visit";
    Illustrative => "Ilustrativo", "Illustrative";
    Yes => "sim", "yes";
    MyPresentation => "A minha apresentação", "My presentation";
    InChosenPeriod => "No período escolhido", "In the chosen period";
    DataDate => "Data dos valores", "Date of the figures";
    BalanceShort => "1 = equilíbrio", "1 = balance";
    BalanceLine => "1 = tantas vagas como candidatos", "1 = as many vacancies as jobseekers";
    ChangeVsYearBefore => "variação homóloga (%)", "change vs a year earlier (%)";
    AreaCol => "Região", "Area";
    CompareTableTitle => "Regiões comparadas", "Compared areas";
    CompareTableHint => "Cada indicador no período escolhido e a variação face aos mesmos meses do ano anterior. Escolher uma região no mapa ou nos filtros junta-a à comparação (até 5).", "Each indicator over the chosen period and its change vs the same months a year earlier. Choosing a region on the map or in the filters adds it to the comparison (up to 5).";
    CompareFull => "Comparação cheia (5): retire uma região para juntar outra.", "Comparison full (5): remove an area to add another.";
    OccupationSearch => "Procurar ocupação", "Find an occupation";
    OccupationSearchHint => "nome ou código, p. ex. cozinha", "name or code, e.g. kitchen";
    MatchFound => "{count} ocupação encontrada", "{count} occupation found";
    MatchesFound => "{count} ocupações encontradas", "{count} occupations found";
    OutcomesShown => "{shown} de {total} contributos das consultas mostrados", "{shown} of {total} consultation outcomes shown";
    FollowPeriod => "Só as consultas do período escolhido", "Only consultations in the chosen period";
    IllustrativeStamp => "DADOS ILUSTRATIVOS — não são estatísticas oficiais", "ILLUSTRATIVE DATA — not official statistics";
    CsvArea => "Filtro: região", "Filter: area";
    CsvSector => "Filtro: setor", "Filter: sector";
    CsvOccupation => "Filtro: ocupação", "Filter: occupation";
    CsvTheme => "Filtro: tema", "Filter: theme";
    CsvGroup => "Filtro: grupo", "Filter: group";
    CsvStatus => "Filtro: estado", "Filter: status";
    CsvFrom => "De", "From";
    CsvTo => "Até", "To";
    CsvSource => "Fonte", "Source";
    CsvIllustrative => "Dados ilustrativos", "Illustrative data";
    No => "não", "no";
    NotStated => "não indicado", "not stated";
    CheckedIn => "verificado em", "checked in";
    KindLabour => "Mercado de trabalho", "Labour market";
    KindConsultations => "Consultas", "Consultations";
    ModeIsReplace => "substitui os dados incluídos", "replaces the bundled data";
    ModeIsAdd => "acrescenta aos dados incluídos", "adds to the bundled data";
    FailNotFound => "Não encontrado", "Not found";
    FailRefused => "Acesso recusado pelo servidor", "Access refused by the server";
    FailCors => "O servidor não permite a leitura a partir desta página (sem cabeçalho CORS) ou não respondeu", "The server does not allow this page to read it (no CORS header) or did not answer";
    FailNetwork => "Sem resposta: verifique a ligação à rede", "No answer: check the network connection";
    FailTimeout => "Sem resposta em", "No answer within";
    FailRead => "O navegador não conseguiu ler o ficheiro", "The browser could not read the file";
    FailNotLoadable => "Este tipo de ficheiro não pode ser carregado (as listas de códigos e os limites são os da aplicação)", "This kind of file cannot be loaded (code lists and boundaries are the app's own)";
    UserSourceLine => "Fonte: dados carregados pelo utilizador", "Source: data loaded by the user";
    DroppedNoticeOne => "{count} registo com erros foi deixado de fora dos dados em uso.", "{count} record with errors was left out of the data in use.";
    DroppedNotice => "{count} registos com erros foram deixados de fora dos dados em uso.", "{count} records with errors were left out of the data in use.";
    Seconds => "s", "s";
    SchemaLink => "Esquema JSON", "JSON Schema";
    PageStory => "Apresentação", "Presentation";
    Present => "Apresentar", "Present";
    SaveSlide => "Guardar vista como diapositivo", "Save view as slide";
    SlideSaved => "Diapositivo guardado", "Slide saved";
    ProjectorTheme => "Tema para projetor", "Projector theme";
    PrevSlide => "Diapositivo anterior", "Previous slide";
    NextSlide => "Diapositivo seguinte", "Next slide";
    ResetSlide => "Repor o diapositivo", "Reset slide";
    Notes => "Notas", "Notes";
    QrCode => "Código QR", "QR code";
    QrLoopback => "Esta página está a ser servida por este computador (endereço local): um telemóvel na sala não a consegue abrir. Indique o endereço público do painel, ou defina \"public_url\" em data/manifest.json.", "This page is served by this computer (a local address): no phone in the room can open it. Give the dashboard's public address, or set \"public_url\" in data/manifest.json.";
    QrPublicLabel => "Endereço público do painel", "The dashboard's public address";
    QrHint => "Aponte a câmara do telemóvel para abrir esta vista.", "Point a phone camera here to open this view.";
    Fullscreen => "Ecrã inteiro", "Fullscreen";
    ExitPresenting => "Sair da apresentação", "Leave the presentation";
    SpeakerView => "Vista do orador", "Speaker view";
    SlideOf => "Diapositivo", "Slide";
    NextUp => "A seguir", "Next";
    NoNotes => "Sem notas para este diapositivo.", "No notes for this slide.";
    StoryUnavailable => "A apresentação não carregou.", "The presentation did not load.";
    EndOfStory => "Fim da apresentação", "End of the presentation";
    Elapsed => "Tempo decorrido", "Elapsed time";
    StoryTitle => "Título da apresentação", "Presentation title";
    SlideTitle => "Título", "Title";
    MoveUp => "Subir", "Move up";
    MoveDown => "Descer", "Move down";
    OpenView => "Abrir a vista", "Open the view";
    ExportStory => "Exportar (JSON)", "Export (JSON)";
    ImportStory => "Importar…", "Import…";
    ResetStory => "Voltar à apresentação incluída", "Back to the bundled presentation";
    StoryHelp => "Cada diapositivo é uma vista guardada do painel. Durante a apresentação: → ou Espaço seguinte, ← anterior, Início/Fim, número + Enter para saltar, F ecrã inteiro, N notas, L língua, Q código QR, Esc sair. Tecla P para começar.", "Each slide is a saved view of the dashboard. While presenting: → or Space next, ← previous, Home/End, number + Enter to jump, F fullscreen, N notes, L language, Q QR code, Esc leave. Press P to start.";
    NoSlides => "Ainda não há diapositivos: abra uma vista e use «Guardar vista como diapositivo».", "No slides yet: open a view and use \"Save view as slide\".";
    StorageFailed => "Não foi possível guardar neste navegador", "Could not be kept in this browser";
    Offline => "sem ligação — a mostrar os dados de", "offline — showing data from";
    SpeakerWaiting => "À espera da janela principal da apresentação…", "Waiting for the main presentation window…";
    GroupRepeated => "O mesmo problema em {count} sítios; mostram-se os {shown} primeiros.", "The same problem in {count} places; the first {shown} are shown.";
    HintSyntax => "Verifique se falta uma vírgula, chaveta ou aspas perto desta posição, ou se o ficheiro foi cortado.", "Look for a missing comma, bracket or quote near this position, or a file cut short.";
    HintNegative => "As contagens não podem ser negativas; use null para «não disponível».", "Counts cannot be negative; use null for \"not available\".";
    HintMonth => "Escreva os meses como 2025-07.", "Write months as 2025-07.";
    HintFormat => "O campo format diz o tipo de ficheiro: vagas.labour_market ou vagas.consultations.", "The format field names the kind of file: vagas.labour_market or vagas.consultations.";
    HintDuplicate => "Cada registo só pode aparecer uma vez: junte ou apague a repetição.", "Each record may appear only once: merge or delete the repeat.";
    HintIndex => "Cada número nesta coluna é uma posição na lista correspondente de dimensions (a contar de 0).", "Each number in this column is a position in the matching dimensions list (counting from 0).";
    PageWorkforce => "Mão de obra estrangeira", "Foreign workforce";
    KindIndicators => "Indicadores regionais", "Regional indicators";
    OfficialBadge => "oficial", "official";
    IllustrativeBadge => "ilustrativo", "illustrative";
    OfficialFigures => "Números oficiais da área", "Official figures for the area";
    OfficialFiguresHint => "Estatísticas publicadas, com fonte e data — ao lado dos números de escassez, que são ilustrativos.", "Published statistics, with source and date — beside the shortage figures, which are illustrative.";
    NoOfficialFigures => "Não há números oficiais para esta área nos indicadores carregados.", "No official figures for this area in the indicators loaded.";
    IllustrativeFiguresNote => "Números ilustrativos (exemplo), não são estatísticas oficiais.", "Illustrative figures (sample), not official statistics.";
    SourceLabel => "Fonte", "Source";
    TableLabel => "Quadro", "Table";
    SubjectToRevision => "sujeito a revisão", "subject to revision";
    Since => "desde", "since";
    SeriesLabel => "Série", "Series";
    YearLabel => "Ano", "Year";
    SpanFrom => "Crescimento de", "Growth from";
    SpanTo => "até", "to";
    WorkforceIntro => "Números oficiais sobre as pessoas estrangeiras que trabalham em Portugal, por distrito: Segurança Social, AIMA e Quadros de Pessoal. Cada número indica o editor, o quadro e a data.", "Official figures on foreign nationals working in Portugal, by district: Social Security, AIMA and Quadros de Pessoal. Every figure names its publisher, table and date.";
    WorkforceMapHint => "Clique num distrito para o escolher (o perfil da região e os outros gráficos seguem); de novo para o largar.", "Click a district to choose it (the region profile and the other charts follow); again to let it go.";
    WorkforceRank => "Classificação", "Ranking";
    WorkforceRankHint => "Áreas pelo valor no ano escolhido; os totais nacionais ficam de fora.", "Areas by their figure in the chosen year; national totals are left out.";
    GrowthTitle => "Crescimento", "Growth";
    GrowthHint => "Variação (%) entre os dois anos escolhidos; o fator (×) está na tabela e na dica de cada barra.", "Change (%) between the two chosen years; the factor (×) is in the table and each bar's tooltip.";
    GrowthFactor => "Fator", "Factor";
    ChangePct => "Variação (%)", "Change (%)";
    YearlyTitle => "Série anual", "Yearly series";
    YearlyHint => "Até cinco áreas: acrescente ou retire em «Comparar».", "Up to five areas: add or remove them under \"Compare\".";
    AreaLabel => "Área", "Area";
    IndicatorSeriesTitle => "Séries de indicadores: fontes", "Indicator series: sources";
    PublisherLabel => "Editor", "Publisher";
    NoIndicators => "Não há indicadores carregados.", "No indicators loaded.";
    OpenWorkforce => "Ver na página Mão de obra estrangeira", "See on the Foreign workforce page";
    OfficialSourceLine => "Fonte (números oficiais)", "Source (official figures)";
    IllustrativeSourceLine => "Série ilustrativa, não oficial", "Illustrative series, not official";
    UnitPercentSuffix => "%", "%";
    SlideNumbered => "Diapositivo {number}", "Slide {number}";
    CodeColumn => "Código", "Code";
    TotalColumn => "Total", "Total";
    FormatIntro => "Como preparar os seus próprios ficheiros para o Vagas. Esta página é um resumo; o guia completo está no fim.", "How to prepare your own files for Vagas. This page is a summary; the full guide is linked at the end.";
    FullGuideLead => "Todas as regras, exemplos e conselhos para exportar de folhas de cálculo: ", "Every rule, more examples and tips for exporting from spreadsheets: ";
    RankOf => "{rank} de {total}", "{rank} of {total}";
    ChangeVsYearEarlier => "{change} % face ao ano anterior", "{change}% vs a year earlier";
    FullGuideLink => "guia do formato dos dados (em inglês)", "data format guide";
}

/// A short translated title for a problem (details stay as written, with codes).
pub fn problem_title(lang: Lang, kind: &ProblemKind) -> &'static str {
    use ProblemKind::*;
    let key = match kind {
        Syntax { .. } => Key::ProblemSyntax,
        Shape { .. } => Key::ProblemShape,
        WrongFormat { .. } => Key::ProblemFormat,
        WrongVersion { .. } => Key::ProblemVersion,
        UnknownCode { .. } => Key::ProblemUnknownCode,
        Duplicate { .. } => Key::ProblemDuplicate,
        Negative { .. } => Key::ProblemNegative,
        TooLarge { .. } => Key::ProblemTooLarge,
        BadMonth { .. } => Key::ProblemMonth,
        BadDate { .. } => Key::ProblemDate,
        BadRange { .. } => Key::ProblemRange,
        IndexOutOfRange { .. } => Key::ProblemIndex,
        LengthMismatch { .. } => Key::ProblemLength,
        Empty { .. } => Key::ProblemEmpty,
        BadGeometry { .. } => Key::ProblemGeometry,
        Missing { .. } => Key::ProblemMissing,
        other => return crate::core::i18n::problems::kind_title(lang, other).unwrap_or_default(),
    };
    t(lang, key)
}

/// How to fix a problem, when there is something useful to say.
pub fn hint(lang: Lang, p: &Problem) -> Option<String> {
    use ProblemKind::*;
    let key = match &p.kind {
        UnknownCode { suggestion: Some(s), .. } => return Some(format!("{} {s}?", t(lang, Key::DidYouMean))),
        Syntax { .. } if p.csv_column.is_some() => return crate::core::i18n::problems::hint(lang, p),
        Syntax { .. } => Key::HintSyntax,
        Negative { .. } => Key::HintNegative,
        BadMonth { .. } => Key::HintMonth,
        WrongFormat { .. } => Key::HintFormat,
        Duplicate { .. } => Key::HintDuplicate,
        IndexOutOfRange { .. } => Key::HintIndex,
        _ => return crate::core::i18n::problems::hint(lang, p),
    };
    Some(t(lang, key).to_string())
}

/// "The same problem in 3 204 places; the first 10 are shown."
pub fn group_line(lang: Lang, count: usize, shown: usize) -> String {
    let count = crate::core::format::integer(lang, count as f64);
    tf(lang, Key::GroupRepeated, &[("count", &count), ("shown", &shown.to_string())])
}

/// A message with named arguments filled in: each `{name}` in `template` becomes the value given
/// for `name` in `args`; a brace with no matching argument is kept as written. Names are ASCII
/// letters and `_`; both languages of a key use the same names (tested below).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| args.iter().find(|(name, _)| *name == &after[..close]).map(|(_, v)| (close, *v)));
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The string for `key` in `lang` with its named arguments filled in (see [`fill`]).
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

/// Whether `n` takes the singular ("one") form. The plural rule of both interface languages, from
/// CLDR: in pt-PT and in English, "one" is exactly 1 (0 takes the plural: "0 registos",
/// "0 records").
pub fn is_one(n: usize) -> bool {
    n == 1
}

/// `one` or `other` by the plural rule ([`is_one`]) for `n`, with its named arguments filled in.
pub fn tn(lang: Lang, n: usize, one: Key, other: Key, args: &[(&str, &str)]) -> String {
    tf(lang, if is_one(n) { one } else { other }, args)
}

/// One line describing a problem: "error · Unknown code — $.x[3] (line 4:7):
/// expected …, found …".
/// Every part in `lang` (see `messages`).
pub fn describe(lang: Lang, p: &Problem) -> String {
    crate::core::i18n::problems::describe(lang, p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::path::JsonPath;

    #[test]
    fn every_string_exists_in_both_languages() {
        for &k in Key::ALL {
            assert!(!t(Lang::Pt, k).trim().is_empty(), "{k:?} pt");
            assert!(!t(Lang::En, k).trim().is_empty(), "{k:?} en");
        }
        assert_ne!(t(Lang::Pt, Key::Loading), t(Lang::En, Key::Loading));
    }

    #[test]
    fn problems_read_in_the_chosen_language() {
        let p = Problem::error(
            JsonPath::keys(&["records", "occupation"]).index(3),
            ProblemKind::UnknownCode {
                list: crate::core::data::problem::CodeList::Occupation,
                code: "51311".into(),
                suggestion: Some("5131".into()),
            },
        )
        .at(4, 7);
        let pt = describe(Lang::Pt, &p);
        assert!(pt.starts_with("erro · Código desconhecido — $.records.occupation[3] (linha 4:7)"), "{pt}");
        assert!(pt.contains("\"51311\""));
        let en = describe(Lang::En, &p);
        assert!(en.contains("expected a known ISCO-08 occupation code; found \"51311\""), "{en}");
        assert_eq!(hint(Lang::Pt, &p).as_deref(), Some("Quis dizer 5131?"));
        assert_eq!(group_line(Lang::En, 3204, 10), "The same problem in 3,204 places; the first 10 are shown.");
    }

    #[test]
    fn named_arguments_fill_in_any_order_and_unknown_braces_stay() {
        assert_eq!(fill("{b} and {a}", &[("a", "1"), ("b", "2")]), "2 and 1");
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
        assert_eq!(fill("{\"json\": 1} {missing} {", &[("a", "x")]), "{\"json\": 1} {missing} {");
        assert_eq!(fill("sem argumentos", &[]), "sem argumentos");
        assert_eq!(tn(Lang::Pt, 1, Key::MatchFound, Key::MatchesFound, &[("count", "1")]), "1 ocupação encontrada");
        assert_eq!(tn(Lang::En, 0, Key::MatchFound, Key::MatchesFound, &[("count", "0")]), "0 occupations found");
    }

    /// The `{name}` placeholders of a template, sorted.
    fn placeholders(s: &str) -> Vec<&str> {
        let mut names: Vec<&str> = s
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_'))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn both_languages_name_the_same_arguments_and_none_is_positional() {
        for &k in Key::ALL {
            let (pt, en) = (t(Lang::Pt, k), t(Lang::En, k));
            assert_eq!(placeholders(pt), placeholders(en), "{k:?}");
            assert!(!pt.contains("{}") && !en.contains("{}"), "{k:?} has a positional placeholder");
        }
    }
}

/// The reason a URL parameter was ignored (`state::Notice::reason`, written in English in the pure
/// URL codec), in the interface language.
pub fn url_reason(lang: Lang, reason: &str) -> String {
    if lang == Lang::En {
        return reason.to_string();
    }
    match reason {
        "unknown code" => "código desconhecido",
        "unknown page" => "página desconhecida",
        "unknown language" => "língua desconhecida",
        "unknown indicator" => "indicador desconhecido",
        "not a month (YYYY-MM)" => "não é um mês (AAAA-MM)",
        "not a region code" => "não é um código de região",
        "too many regions to compare (at most 5)" => "demasiadas regiões para comparar (no máximo 5)",
        "not a NACE code" => "não é um código NACE",
        "not an ISCO-08 code" => "não é um código ISCO-08",
        "not a code" => "não é um código",
        "unknown status" => "estado desconhecido",
        "search text too long (at most 100 characters)" => "texto de pesquisa longo demais (no máximo 100 caracteres)",
        "not an http(s) address or relative path" => "não é um endereço http(s) nem um caminho relativo",
        "not a slide number" => "não é um número de diapositivo",
        "not a chart name" => "não é o nome de um gráfico",
        "not a series id" => "não é o identificador de uma série",
        "not a year (YYYY)" => "não é um ano (AAAA)",
        "not a span of years (YYYY-YYYY)" => "não é um intervalo de anos (AAAA-AAAA)",
        "expected period or all" => "esperado period ou all",
        "unknown weighting" => "ponderação desconhecida",
        "unknown parameter" => "parâmetro desconhecido",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod url_reason_tests {
    use super::*;

    #[test]
    fn every_reason_the_codec_gives_reads_in_portuguese() {
        let source = include_str!("../url.rs");
        let reasons: Vec<&str> = source
            .split("bad(\"")
            .skip(1)
            .chain(source.split("reason: \"").skip(1))
            .filter_map(|s| s.split('"').next())
            .collect();
        assert!(reasons.len() > 15);
        for r in reasons {
            assert_ne!(url_reason(Lang::Pt, r), r, "{r} has no Portuguese");
            assert_eq!(url_reason(Lang::En, r), r);
        }
    }
}
