//! The data-format document: what can be loaded and how, the fields of each kind of file with a
//! minimal example, what a spreadsheet export may hold, and the code lists — in Portuguese and
//! English. One source for two renderings: the app's "Data format" page (`ui::format_page`) draws
//! these blocks, and its English rendering as Markdown ([`super::to_markdown`]) is the "At a
//! glance" section of `docs/data-format.md` (a native test, `tests/data_format_doc.rs`, fails when
//! the file differs). Static text only.

use super::{Block, Tx};

// Field tables, one row a line: field | tipo | type | regra | rule (see `Block::Table`).
const GENERAL: &str = "\
format | texto | string | vagas.labour_market, vagas.consultations, vagas.manifest ou vagas.codes; verificado primeiro | vagas.labour_market, vagas.consultations, vagas.manifest or vagas.codes; checked first
version | inteiro | integer | 1 | 1
(texto bilingue) | (bilingual text) | objeto | object | {\"pt\": \"…\", \"en\": \"…\"}; se uma língua estiver vazia, mostra-se a outra | {\"pt\": \"…\", \"en\": \"…\"}; if one language is empty, the other is shown
(contagem) | (count) | inteiro ou null | integer or null | inteiro de 0 a 4 294 967 294; null = não disponível (nunca 0 nem -1) | whole number from 0 to 4 294 967 294; null = not available (never 0 or -1)
(mês, data) | (month, date) | texto | string | \"AAAA-MM\" (2025-07); datas \"AAAA-MM-DD\" reais | \"YYYY-MM\" (2025-07); dates \"YYYY-MM-DD\" that exist
(outros campos) | (other fields) | — | — | campos desconhecidos são erros | unknown fields are errors";

const LABOUR: &str = "\
meta | objeto, opcional | object, optional | proveniência (ver abaixo) | provenance (see below)
dimensions.month | lista de textos | list of strings | meses \"AAAA-MM\"; sem repetições | months \"YYYY-MM\"; no repeats
dimensions.region | lista de textos | list of strings | códigos ISO 3166-2:PT (\"PT-08\"); sem repetições | ISO 3166-2:PT codes (\"PT-08\"); no repeats
dimensions.sector | lista de textos | list of strings | divisões NACE Rev. 2 com a letra da secção (\"I56\") | NACE Rev. 2 divisions with the section letter (\"I56\")
dimensions.occupation | lista de textos | list of strings | grupos de base CITP/ISCO-08 de 4 algarismos (\"5131\") | ISCO-08 4-digit unit groups (\"5131\")
records.month, region, sector, occupation | listas de inteiros | lists of integers | posição (a contar de 0) na lista de dimensions; sem null | position (from 0) in the dimensions list; no null
records.jobseekers | contagens ou null | counts or null | candidatos registados no fim do mês (stock) | registered jobseekers at month end (stock)
records.vacancies_open | contagens ou null | counts or null | ofertas em aberto no fim do mês (stock) | vacancies open at month end (stock)
records.vacancies_new | contagens ou null | counts or null | ofertas recebidas no mês (fluxo) | vacancies received in the month (flow)
records.placements | contagens ou null | counts or null | colocações no mês (fluxo) | placements in the month (flow)";

const EVENTS: &str = "\
id | texto | string | não vazio; único no ficheiro | not empty; unique in the file
date | texto | string | \"AAAA-MM-DD\" | \"YYYY-MM-DD\"
region | texto | string | código ISO 3166-2:PT | ISO 3166-2:PT code
place | texto, opcional | string, optional | localidade, local | town, venue
format | texto | string | formato de evento (workshop, focus_group, …) | event format (workshop, focus_group, …)
title | texto bilingue | bilingual text | título | title
participants | objeto | object | código de grupo → número de participantes | group code → number of participants";

const OUTCOMES: &str = "\
id | texto | string | não vazio; único no ficheiro | not empty; unique in the file
event | texto | string | id de um evento do mesmo ficheiro | id of an event in the same file
group | texto | string | grupo de partes interessadas (aviso se não participou no evento) | stakeholder group (warning if not among the event's participants)
region | texto | string | código ISO 3166-2:PT | ISO 3166-2:PT code
sector | texto ou null | string or null | divisão NACE (\"I55\"), ou null se for transversal | NACE division (\"I55\"), or null if it cuts across sectors
theme | texto | string | tema (housing, documents, …) | theme (housing, documents, …)
text | texto bilingue | bilingual text | o que foi dito; não vazio | what was said; not empty
priority | texto | string | low, medium ou high | low, medium or high
votes | inteiro | integer | apoios, ≥ 0 | supports, ≥ 0
recommendation | texto bilingue | bilingual text | recomendação (pode ficar vazia) | recommendation (may be empty)
status | texto | string | proposed, accepted, in_progress, implemented ou rejected | proposed, accepted, in_progress, implemented or rejected
source | texto | string | ata, notas, relatório… | minutes, notes, report…";

const META: &str = "\
title | texto bilingue | bilingual text | obrigatório | required
source | texto bilingue | bilingual text | quem produziu os números | who produced the figures
licence | texto | string | p. ex. CC-BY-4.0 | e.g. CC-BY-4.0
date | texto | string | data ou último mês dos números: \"AAAA-MM\" ou \"AAAA-MM-DD\" | date or last month of the figures: \"YYYY-MM\" or \"YYYY-MM-DD\"
illustrative | booleano | boolean | true se os números forem inventados ou modelados; omitido: «não indicado» | true if the figures are made up or modelled; left out: \"not stated\"
note | texto bilingue | bilingual text | o que o leitor deve saber | what a reader should know";

const MANIFEST: &str = "\
id | texto | string | não vazio; único | not empty; unique
kind | texto | string | codes, regions, labour_market ou consultations | codes, regions, labour_market or consultations
path | texto | string | relativo ao manifesto; sem http://, / inicial ou .. | relative to the manifest; no http://, leading / or ..
title, source, licence, date, illustrative, note | — | — | como em meta; aqui só note é opcional | as in meta; here only note is optional";

const CODES: &str = "\
regions | PT-01 … PT-18, PT-20, PT-30 | distritos e regiões autónomas (ISO 3166-2:PT) | districts and autonomous regions (ISO 3166-2:PT)
focus_areas | algarve, alentejo | Algarve = Faro ≈ NUTS 2024 PT150; Alentejo = Beja, Évora, Portalegre ≈ PT1C2, PT1C4, PT1C3 | Algarve = Faro ≈ NUTS 2024 PT150; Alentejo = Beja, Évora, Portalegre ≈ PT1C2, PT1C4, PT1C3
sectors | A01, I55, I56, … | divisões NACE Rev. 2 (= CAE Rev. 3), letra da secção + 2 algarismos: I55, não 55 | NACE Rev. 2 divisions, section letter + 2 digits: I55, not 55
sections | A, C, I, N | secções NACE Rev. 2, para agrupar as divisões | NACE Rev. 2 sections, to group the divisions
occupations | 5131, 9211, … | grupos de base CITP/ISCO-08 (4 algarismos; os 4 primeiros da CPP/2010) | ISCO-08 unit groups (4 digits; the first 4 of Portugal's CPP/2010)
themes | housing, documents, … | temas das barreiras | barrier themes
stakeholder_groups | employers, migrants, … | grupos de partes interessadas | stakeholder groups
event_formats | workshop, focus_group, … | formatos de evento | event formats";

const LABOUR_EXAMPLE: &str = r#"{
  "format": "vagas.labour_market",
  "version": 1,
  "meta": {"title": {"pt": "Faro, 2025", "en": "Faro, 2025"}},
  "dimensions": {
    "month": ["2025-07", "2025-08"],
    "region": ["PT-08"],
    "sector": ["I56"],
    "occupation": ["5131"]
  },
  "records": {
    "month": [0, 1], "region": [0, 0],
    "sector": [0, 0], "occupation": [0, 0],
    "jobseekers": [120, 110],
    "vacancies_open": [45, 52],
    "vacancies_new": [30, 28],
    "placements": [12, null]
  }
}"#;

const CSV_EXAMPLE: &str = "\
month,region,sector,occupation,jobseekers,vacancies_open,vacancies_new,placements
2025-07,PT-08,I56,5131,120,45,30,12
2025-07,PT-02,A01,9211,80,60,,9";

const CONSULTATIONS_EXAMPLE: &str = r#"{
  "format": "vagas.consultations",
  "version": 1,
  "events": [{
    "id": "LLE-2025-01", "date": "2025-03-12",
    "region": "PT-08", "place": "Loulé", "format": "workshop",
    "title": {"pt": "Alojamento sazonal", "en": "Seasonal housing"},
    "participants": {"employers": 9, "migrants": 6}
  }],
  "outcomes": [{
    "id": "LLE-2025-01-01", "event": "LLE-2025-01",
    "group": "employers", "region": "PT-08", "sector": "I55",
    "theme": "housing", "priority": "high", "votes": 14,
    "text": {"pt": "Os quartos custam o dobro no verão.",
             "en": "Rooms cost twice as much in summer."},
    "recommendation": {"pt": "Usar edifícios municipais devolutos.",
                       "en": "Use vacant municipal buildings."},
    "status": "proposed", "source": "Workshop notes, 12 Mar 2025"
  }]
}"#;

const MANIFEST_EXAMPLE: &str = r#"{
  "format": "vagas.manifest",
  "version": 1,
  "datasets": [{
    "id": "faro-2025", "kind": "labour_market",
    "path": "labour_market.json",
    "title": {"pt": "Faro, 2025", "en": "Faro, 2025"},
    "source": {"pt": "Serviço de emprego", "en": "Employment service"},
    "licence": "CC BY 4.0", "date": "2025-12",
    "illustrative": false
  }]
}"#;

const META_EXAMPLE: &str = r#""meta": {
  "title": {"pt": "...", "en": "..."},
  "source": {"pt": "...", "en": "..."},
  "licence": "CC-BY-4.0",
  "date": "2025-12",
  "illustrative": false,
  "note": {"pt": "...", "en": "..."}
}"#;

const FIELD_HEADS: [Tx; 3] = [Tx::new("Campo", "Field"), Tx::new("Tipo", "Type"), Tx::new("Regra", "Rule")];

/// What a spreadsheet export may hold: accepted (read by a stated rule) — one example each.
const ACCEPTED: &str = "sep=; | primeira linha com a indicação de separador do Excel | first line with Excel's separator hint | dá o separador; a linha é saltada | gives the separator; the line is skipped
;;;;;;;; | linha só com separadores (linha apagada) | a row of separators only (a deleted row) | ignorada | skipped
2025-07;PT-08;I55;5131;120;30;12;5; | separador no fim de cada linha | a separator ending every line | a coluna vazia do fim é ignorada | the empty last column is ignored
\\r | fins de linha do Mac antigo (só CR), ou CRLF | old Mac line ends (CR only), or CRLF | lidos como fins de linha | read as line ends
\"Época alta:⏎valores\" | célula entre aspas com uma quebra de linha | a quoted cell with a line break | uma só célula; as linhas seguintes mantêm o seu número | one cell; the lines after it keep their numbers
month,…,placements,nota | colunas além das oito | columns besides the eight | ignoradas, com um aviso | ignored, with a warning
Évora (Windows-1252) | o «CSV» do Excel no Windows | Excel's \u{201c}CSV\u{201d} on Windows | descodificado, com um aviso | decoded, with a warning
UTF-16, tab | o «Texto Unicode» do Excel | Excel's \u{201c}Unicode text\u{201d} | descodificado, com um aviso | decoded, with a warning
120.0 | decimal inteiro (pandas) | integral decimal (pandas) | 120 | 120
007 +12 | zeros à esquerda, sinal + | leading zeros, a + sign | 7, 12 | 7, 12
1 234 · 1.234.567 · 1.234,0 | milhares separados por espaços, ou sem ambiguidade | thousands grouped by spaces, or unambiguously | 1234 · 1234567 · 1234 | 1234 · 1234567 · 1234
#N/D #N/A - n.d. .. : NA | marcas de «não disponível» | \u{201c}not available\u{201d} markers | não disponível (null), com um aviso que diz quantas e onde | not available (null), with one warning saying how many and where";

/// Refused, with a located message saying why and what to do — one example each.
const REFUSED: &str = "1.000 | um separador antes de exatamente três algarismos | one separator before exactly three digits | ambíguo (mil ou um?): escreva 1000 | ambiguous (a thousand, or one?): write 1000
310,5 | número com parte decimal | a fractional number | as contagens são números inteiros | counts are whole numbers
1e3 | notação científica | scientific notation | pode ter perdido algarismos: formate como Número | digits may have been lost: format as Number
#VALUE! | erro de fórmula | a formula error | corrija a fórmula ou deixe vazio | fix the formula or leave it empty
5131.0 · 513101 | profissão da CPP/2010 | a CPP/2010 profession | CPP/2010 5131.0 → ISCO-08 5131 | CPP/2010 5131.0 → ISCO-08 5131
56101 | subclasse da CAE Rev. 3 | a CAE Rev. 3 subclass | CAE 56101 → divisão NACE I56 | CAE 56101 → NACE division I56
PT150 | região NUTS 3 | a NUTS 3 region | NUTS 3 PT150 Algarve = distrito PT-08 Faro | NUTS 3 PT150 Algarve = district PT-08 Faro
PT1C | região NUTS 2 | a NUTS 2 region | abrange vários distritos: dê os números de cada um | spans several districts: give each district's figures
08 | número de distrito (INE) | a district number (INE) | → PT-08 Faro | → PT-08 Faro
.xlsx .ods .xls | livro de folha de cálculo | a spreadsheet workbook | guarde como «CSV UTF-8 (delimitado por vírgulas)» (Excel) ou «Texto CSV» em UTF-8 (LibreOffice) | save as \u{201c}CSV UTF-8 (Comma delimited)\u{201d} (Excel) or \u{201c}Text CSV\u{201d} in UTF-8 (LibreOffice)
2025-07,PT-08,I55,5131 ×2 | o mesmo registo duas vezes | the same record twice | a repetição cita a linha da primeira | the repeat cites the line of the first
{\"format\": … (Windows-1252) | JSON que não é UTF-8 | JSON that is not UTF-8 | guarde em UTF-8 | save it as UTF-8";

const EXPORT_HEADS: [Tx; 3] = [
    Tx::new("Exemplo", "Example"),
    Tx::new("O que é", "What it is"),
    Tx::new("O que a aplicação faz", "What the app does"),
];

/// The document, in reading order.
pub const DOC: &[Block] = &[
    Block::Heading(Tx::new("O que pode carregar e como", "What you can load, and how")),
    Block::List(&[Tx::new("Ficheiros JSON do mercado de trabalho (vagas.labour_market) ou de consultas (vagas.consultations), ou um CSV do mercado de trabalho. As listas de códigos e os limites das regiões são sempre os da aplicação.", "JSON files of labour-market figures (vagas.labour_market) or consultations (vagas.consultations), or a labour-market CSV. The code lists and region boundaries are always the app's own."), Tx::new("Na página «Os seus dados», escolha um ou mais ficheiros, ou arraste-os para qualquer ponto da página.", "On the \u{201c}Your data\u{201d} page, pick one or more files, or drag them anywhere onto the page."), Tx::new("Ou use o parâmetro data= do endereço, que aponta para um manifesto ou para um conjunto de dados (codificado, p. ex. ?data=https%3A%2F%2Fexemplo.pt%2Fmanifest.json). O ficheiro tem de estar no mesmo sítio que a aplicação ou num servidor que envie cabeçalhos CORS. Se falhar, a aplicação diz porquê: não encontrado, não permitido pelo servidor (CORS), não é JSON, sem resposta em 30 segundos.", "Or use the data= URL parameter, pointing at a manifest or a dataset (encoded, e.g. ?data=https%3A%2F%2Fexample.org%2Fmanifest.json). The file must be on the app's own site or on a server sending CORS headers. If it fails the app says why: not found, not allowed by the server (CORS), not JSON, no answer within 30 seconds."), Tx::new("Cada ficheiro substitui os dados incluídos do mesmo tipo, ou acrescenta-se a eles. Ao acrescentar, um registo do mercado de trabalho carregado prevalece sobre o incluído com o mesmo mês, região, setor e ocupação; as consultas acrescentadas devem usar identificadores novos (um identificador já usado recebe o sufixo «~2»).", "Each file replaces the bundled data of its kind, or adds to it. When adding, a loaded labour-market record overrides the bundled one with the same month, region, sector and occupation; added consultations should use new ids (an id already in use gets a \"~2\" suffix)."), Tx::new("Os dados carregados ficam neste navegador (IndexedDB) até os remover. Nada é enviado para nenhum servidor.", "Loaded datasets stay in this browser (IndexedDB) until you remove them. Nothing is uploaded anywhere.")]),
    Block::Heading(Tx::new("Verificação: erros, avisos e sugestões", "Checking: errors, warnings and hints")),
    Block::Para(Tx::new("Cada problema é indicado com o ficheiro, o caminho JSON, a linha e a coluna (num CSV, as da célula), o que se esperava e o que se encontrou. Para um código desconhecido sugere-se o mais próximo, se for um provável erro de escrita: «código CITP/ISCO-08 \"51311\" desconhecido — quis dizer 5131?».", "Every problem is given with the file, the JSON path, the line and column (in a CSV, the cell's), what was expected and what was found. For an unknown code the closest known one is suggested when it is a likely typo: \u{201c}unknown ISCO-08 occupation code \"51311\" — did you mean 5131?\u{201d}.")),
    Block::Para(Tx::new("Um ficheiro com erros é rejeitado por inteiro, a menos que escolha explicitamente manter os registos válidos; o número de registos deixados de fora é mostrado na aplicação e em todas as exportações. Os avisos não impedem o uso do ficheiro.", "A file with errors is rejected as a whole, unless you explicitly choose to keep the valid records; the number of records left out is shown in the app and in every export. Warnings do not prevent using the file.")),
    Block::Para(Tx::new("Na linha de comandos, o mesmo relatório (código de saída 1 se algum ficheiro tiver erros):", "On the command line, the same report (exit status 1 if any file has errors):")),
    Block::Code("cargo run --bin vagas-check -- labour_market.json consultations.json"),
    Block::Table { caption: Tx::new("Regras gerais (todos os ficheiros JSON, em UTF-8)", "General rules (every JSON file, in UTF-8)"), heads: FIELD_HEADS, rows: GENERAL },
    Block::Heading(Tx::new("Mercado de trabalho", "Labour market")),
    Block::Para(Tx::new("Números mensais por mês × distrito × setor × ocupação. O ficheiro é colunar: os códigos aparecem uma vez em dimensions e o registo i é o i-ésimo valor de cada coluna de records; todas as colunas têm o mesmo comprimento. Cada combinação (mês, região, setor, ocupação) só pode aparecer uma vez. Não inclua totais: a aplicação calcula-os.", "Monthly figures by month × district × sector × occupation. The file is columnar: codes are listed once in dimensions, and record i is the i-th value of every records column; all columns have the same length. Each (month, region, sector, occupation) may appear only once. Do not include totals: the app computes them.")),
    Block::Table { caption: Tx::new("Campos do ficheiro vagas.labour_market", "Fields of a vagas.labour_market file"), heads: FIELD_HEADS, rows: LABOUR },
    Block::Example { label: Tx::new("Exemplo mínimo completo:", "Minimal complete example:"), code: LABOUR_EXAMPLE },
    Block::Heading(Tx::new("Mercado de trabalho em CSV", "Labour market as CSV")),
    Block::Para(Tx::new("Um registo por linha, com estas oito colunas (por qualquer ordem). O separador (, ; tabulação ou |) é detetado a partir do cabeçalho; uma célula vazia significa «não disponível»; um BOM UTF-8 é aceite. Os códigos são os do JSON: região PT-08, setor I55, ocupação 5131, mês 2025-07. Carregue o .csv diretamente (arrastar ou escolher): a aplicação converte-o e verifica-o.", "One record per line, with these eight columns (in any order). The separator (, ; tab or |) is detected from the header; an empty cell means not available; a UTF-8 BOM is fine. Codes are as in the JSON: region PT-08, sector I55, occupation 5131, month 2025-07. Load the .csv directly (drop or pick): the app converts and checks it.")),
    Block::Example { label: Tx::new("Exemplo (o segundo registo não tem ofertas recebidas):", "Example (the second record has no new-vacancies figure):"), code: CSV_EXAMPLE },
    Block::Para(Tx::new("Para obter o JSON na linha de comandos:", "To get the JSON on the command line:")),
    Block::Code("cargo run --bin vagas-check -- --convert labour.csv > labour_market.json"),
    Block::Para(Tx::new("No Excel, guarde como «CSV UTF-8 (delimitado por vírgulas)»; o Excel em português usa ; como separador, o que é aceite. No LibreOffice, «Texto CSV» com o conjunto de caracteres Unicode (UTF-8). Formate a coluna dos meses como texto AAAA-MM e as contagens sem separador de milhares nem casas decimais.", "In Excel, save as \u{201c}CSV UTF-8 (comma delimited)\u{201d}; Portuguese (pt-PT) Excel uses ; as separator, which is fine. In LibreOffice, \u{201c}Text CSV\u{201d} with character set Unicode (UTF-8). Format the month column as text YYYY-MM, and counts without thousands separators or decimals.")),
    Block::Heading(Tx::new("Exportações de folhas de cálculo: o que é aceite e o que é recusado", "Spreadsheet exports: what is accepted and what is refused")),
    Block::Para(Tx::new("Cada problema de um CSV é indicado pela linha, pelo número e pelo nome da coluna, e cita a célula tal como está escrita; as mensagens estão na língua da interface.", "Every problem in a CSV is given by line, column number and column name, and quotes the cell as written; messages are in the interface language.")),
    Block::Table { caption: Tx::new("Aceite (lido por uma regra explícita)", "Accepted (read by a stated rule)"), heads: EXPORT_HEADS, rows: ACCEPTED },
    Block::Table { caption: Tx::new("Recusado, com a razão e o que fazer", "Refused, with the reason and what to do"), heads: EXPORT_HEADS, rows: REFUSED },
    Block::Heading(Tx::new("Consultas", "Consultations")),
    Block::Para(Tx::new("Eventos de consulta (events, pelo menos um) e os seus contributos (outcomes): a barreira levantada, por quem, onde, a prioridade, a recomendação e o que lhe aconteceu.", "Consultation events (events, at least one) and their outcomes: the barrier raised, by whom, where, its priority, the recommendation and what happened to it.")),
    Block::Table { caption: Tx::new("Campos de cada evento (events)", "Fields of each event (events)"), heads: FIELD_HEADS, rows: EVENTS },
    Block::Table { caption: Tx::new("Campos de cada contributo (outcomes)", "Fields of each outcome (outcomes)"), heads: FIELD_HEADS, rows: OUTCOMES },
    Block::Example { label: Tx::new("Exemplo mínimo completo:", "Minimal complete example:"), code: CONSULTATIONS_EXAMPLE },
    Block::Heading(Tx::new("Proveniência no próprio ficheiro (meta)", "Provenance inside the file (meta)")),
    Block::Para(Tx::new("Um ficheiro do mercado de trabalho ou de consultas pode ter um objeto \"meta\" opcional, mostrado no painel dos dados carregados. Tem os campos de uma entrada do manifesto, sem id, kind e path; todos são opcionais exceto title.", "A labour-market or consultations file may carry an optional \"meta\" object, shown in the loaded-datasets panel. It has the fields of a manifest entry without id, kind and path; all are optional except title.")),
    Block::Table { caption: Tx::new("Campos de meta", "Fields of meta"), heads: FIELD_HEADS, rows: META },
    Block::Example { label: Tx::new("Exemplo:", "Example:"), code: META_EXAMPLE },
    Block::Heading(Tx::new("Manifesto", "Manifest")),
    Block::Para(Tx::new("A lista dos conjuntos de dados (format vagas.manifest, version 1, datasets), com a sua proveniência. O manifesto da aplicação lista um conjunto de cada tipo (exemplo real: [`data/manifest.json`](data/manifest.json)). Um manifesto indicado em data= pode listar só alguns; a aplicação carrega as entradas labour_market e consultations, e as listas de códigos e os limites continuam a ser os seus.", "The list of datasets (format vagas.manifest, version 1, datasets), with their provenance. The app's own manifest lists one dataset of each kind (real example: [`data/manifest.json`](data/manifest.json)). A manifest given in data= may list only some; the app loads its labour_market and consultations entries, and keeps its own code lists and boundaries.")),
    Block::Table { caption: Tx::new("Campos de cada entrada de datasets", "Fields of each datasets entry"), heads: FIELD_HEADS, rows: MANIFEST },
    Block::Example { label: Tx::new("Exemplo mínimo de um manifesto para data=:", "Minimal example of a manifest for data=:"), code: MANIFEST_EXAMPLE },
    Block::Heading(Tx::new("Listas de códigos", "Code lists")),
    Block::Para(Tx::new("Regiões, setores, ocupações, temas e grupos escrevem-se sempre como códigos. O ficheiro incluído [`data/codes.json`](data/codes.json) (format vagas.codes) é a referência: um código que não esteja nele é um erro.", "Regions, sectors, occupations, themes and groups are always written as codes. The bundled [`data/codes.json`](data/codes.json) (format vagas.codes) is the reference: a code not in it is an error.")),
    Block::Table { caption: Tx::new("Listas de data/codes.json", "Lists in data/codes.json"), heads: [Tx::new("Lista", "List"), Tx::new("Códigos", "Codes"), Tx::new("Significado", "Meaning")], rows: CODES },
    Block::Para(Tx::new("Os limites das regiões (data/regions.geojson, kind regions) são um FeatureCollection GeoJSON: cada elemento tem properties.iso_3166_2 com o código da região e uma geometria Polygon ou MultiPolygon em [longitude, latitude].", "Region boundaries (data/regions.geojson, kind regions) are a GeoJSON FeatureCollection: each feature has properties.iso_3166_2 with the region code and a Polygon or MultiPolygon geometry in [longitude, latitude].")),
    Block::Heading(Tx::new("Esquemas JSON e guia completo", "JSON Schemas and the full guide")),
    Block::Para(Tx::new("Esquemas JSON gerados a partir dos tipos da aplicação (verificados na integração contínua). Validam a estrutura e os tipos; os códigos, os meses e as repetições só são verificados pela aplicação e pelo vagas-check.", "JSON Schemas generated from the app's types (checked in CI). They check structure and types; codes, months and repeats are checked only by the app and vagas-check.")),
    Block::List(&[Tx::same("[`labour_market.schema.json`](data/schema/labour_market.schema.json)"), Tx::same("[`consultations.schema.json`](data/schema/consultations.schema.json)"), Tx::same("[`manifest.schema.json`](data/schema/manifest.schema.json)"), Tx::same("[`codes.schema.json`](data/schema/codes.schema.json)")]),
];
