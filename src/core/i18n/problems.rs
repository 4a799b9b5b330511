//! Problem descriptions in the user's language: every part (title, place,
//! expected, found, hint) in Portuguese or English, plurals that agree, CSV
//! problems placed by line, column number and column name. Pure Rust (no
//! browser APIs): the app's report view and `vagas-check --lang` both use it.
//!
//! The data core describes some problems with fixed English phrases (what
//! was expected, in `ProblemKind::{Empty, BadRange, Duplicate, Missing}`,
//! and serde's messages); `phrase` translates the known ones, and a test
//! checks that every problem of the test corpora reads fully in Portuguese.
//!
//! Longer than 400 lines: one message per problem kind, in both languages, with its hint; a
//! table, not logic.

use crate::core::data::code_rules::CodeRule;
use crate::core::data::problem::{CodeList, Encoding, NumberIssue, ProblemKind, Workbook};
use crate::core::data::{Lang, Problem, Report, Severity};
use crate::core::i18n::{is_one, t, tn, Key};

/// `pt` or `en`.
fn tr(lang: Lang, pt: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Pt => pt,
        Lang::En => en,
    }
}

/// "1 registo", "2 registos": the count and the noun in the right number.
pub fn count(lang: Lang, n: usize, pt: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = if lang == Lang::Pt { pt } else { en };
    format!("{n} {}", if is_one(n) { one } else { many })
}

/// "1 record" / "2 records", "1 registo" / "2 registos".
pub fn records(lang: Lang, n: usize) -> String {
    count(lang, n, ("registo", "registos"), ("record", "records"))
}

/// After the count of records left out: "record with errors left out" /
/// "registos com erros deixados de fora".
pub fn dropped_tail(lang: Lang, n: usize) -> &'static str {
    t(lang, if is_one(n) { Key::DroppedRecordsOne } else { Key::DroppedRecords })
}

/// "1 registo com erros foi deixado de fora dos dados em uso." (notice and exports).
pub fn dropped_notice(lang: Lang, n: usize) -> String {
    let count = crate::core::format::integer(lang, n as f64);
    tn(lang, n, Key::DroppedNoticeOne, Key::DroppedNotice, &[("count", &count)])
}

/// The button keeping the valid records of a rejected file.
pub fn keep_valid(lang: Lang, kept: usize, dropped: usize) -> String {
    let d = crate::core::format::integer(lang, dropped as f64);
    let k = crate::core::format::integer(lang, kept as f64);
    tn(lang, kept, Key::KeepValidOne, Key::KeepValid, &[("kept", &k), ("dropped", &d)])
}

fn cells(lang: Lang, n: usize) -> String {
    count(lang, n, ("célula", "células"), ("cell", "cells"))
}

/// Where a problem is: CSV "line 4, column 2 (region)", JSON
/// "$.records.region[3] (line 4:7)"; empty for the file as a whole.
pub fn place(lang: Lang, p: &Problem) -> String {
    let line = tr(lang, "linha", "line");
    match (&p.csv_column, p.line, p.column) {
        (Some(name), Some(l), _) if name.is_empty() => format!("{line} {l}"),
        (Some(name), Some(l), Some(c)) => format!("{line} {l}, {} {c} ({name})", tr(lang, "coluna", "column")),
        (_, None, _) if p.path.0.is_empty() => String::new(),
        (_, Some(l), Some(c)) => format!("{} ({line} {l}:{c})", p.path),
        _ => p.path.to_string(),
    }
}

/// The title of a problem (a CSV that cannot be read is not called JSON).
pub fn title(lang: Lang, p: &Problem) -> &'static str {
    match &p.kind {
        ProblemKind::Syntax { .. } if p.csv_column.is_some() => tr(lang, "CSV ilegível", "Unreadable CSV"),
        ProblemKind::CsvHeader { .. } if p.severity == Severity::Warning => {
            tr(lang, "Colunas ignoradas", "Columns ignored")
        }
        kind => crate::core::i18n::problem_title(lang, kind),
    }
}

/// The titles of the problem kinds added for spreadsheet exports.
pub fn kind_title(lang: Lang, kind: &ProblemKind) -> Option<&'static str> {
    use ProblemKind::*;
    Some(match kind {
        Workbook { .. } => tr(lang, "Um livro de folha de cálculo, não um ficheiro CSV", "A workbook, not a CSV file"),
        NotUtf8 { .. } => tr(lang, "Texto que não é UTF-8", "Not UTF-8 text"),
        Decoded { .. } => tr(lang, "Codificação do texto convertida", "Text encoding converted"),
        BadNumber { .. } => tr(lang, "Não é uma contagem", "Not a count"),
        NotAvailable { .. } => tr(lang, "Lido como não disponível", "Read as not available"),
        CsvHeader { .. } => tr(lang, "Cabeçalho CSV errado", "Wrong CSV header"),
        FieldCount { .. } => tr(lang, "Número de células errado", "Wrong number of cells"),
        DuplicateRow { .. } => tr(lang, "Duplicado", "Duplicate"),
        OtherClassification { .. } => tr(lang, "Código de outra classificação", "Code of another classification"),
        CheckerFailed { .. } => tr(lang, "A verificação não correu", "The check could not run"),
        _ => return None,
    })
}

fn list_name(lang: Lang, list: CodeList) -> &'static str {
    match (lang, list) {
        (Lang::En, l) => l.name(),
        (Lang::Pt, CodeList::Region) => "região ISO 3166-2:PT",
        (Lang::Pt, CodeList::Sector) => "setor NACE Rev. 2",
        (Lang::Pt, CodeList::Section) => "secção NACE Rev. 2",
        (Lang::Pt, CodeList::Occupation) => "ocupação ISCO-08 (CITP)",
        (Lang::Pt, CodeList::Theme) => "tema",
        (Lang::Pt, CodeList::StakeholderGroup) => "grupo de partes interessadas",
        (Lang::Pt, CodeList::EventFormat) => "formato de evento",
        (Lang::Pt, CodeList::Event) => "evento de consulta",
        (Lang::Pt, CodeList::Dataset) => "conjunto de dados",
        (Lang::Pt, CodeList::Series) => "identificador de série",
        (Lang::Pt, CodeList::Area) => "área (PT, PT1, região NUTS 2024, distrito ISO 3166-2:PT ou área em foco)",
    }
}

/// Translates a fixed English phrase of the data core (see the module
/// doc); `None` when it is not a known one.
pub fn phrase_pt(en: &str) -> Option<String> {
    let fixed = match en {
        "none" => "nenhum",
        "valid JSON" => "JSON válido",
        "a whole number" => "um número inteiro",
        "an index (null is only allowed in measure columns)" => {
            "um índice (null só é permitido nas colunas de medidas)"
        }
        "a non-negative integer" | "u32" | "u64" | "u16" | "u8" | "usize" => "um número inteiro ≥ 0",
        "a non-negative integer or null" => "um número inteiro ≥ 0 ou null",
        "an array of non-negative integers" => "uma lista de números inteiros ≥ 0",
        "i64" | "i32" => "um número inteiro",
        "f64" | "f32" => "um número",
        "a boolean" | "boolean" => "um valor lógico (true ou false)",
        "a string" => "um texto",
        "an array" | "a sequence" | "sequence" => "uma lista",
        "an object" | "a map" | "map" => "um objeto",
        "null" => "null",
        "unit value" => "null",
        "no such field" => "nenhum campo com esse nome",
        "a known field" => "um campo conhecido",
        "a value of the documented type" => "um valor do tipo documentado",
        "an occupation of the focus sectors (tourism or agriculture)" => {
            "uma ocupação dos setores em foco (turismo ou agricultura)"
        }
        "a stakeholder group listed among the event's participants" => {
            "um grupo de partes interessadas listado entre os participantes do evento"
        }
        "\"format\": vagas.labour_market or vagas.consultations" => {
            "\"format\": vagas.labour_market ou vagas.consultations"
        }
        "the checker's report (the background check failed)" => {
            "o relatório da verificação (a verificação em segundo plano falhou)"
        }
        "no \"format\" field" => "nenhum campo \"format\"",
        "an empty file" => "um ficheiro vazio",
        "EOF while parsing a list" => "o fim do ficheiro a meio de uma lista",
        "EOF while parsing an object" => "o fim do ficheiro a meio de um objeto",
        "EOF while parsing a string" => "o fim do ficheiro a meio de um texto",
        "EOF while parsing a value" => "o fim do ficheiro a meio de um valor",
        "expected `:`" => "a falta de «:»",
        "expected `,` or `]`" => "a falta de «,» ou «]»",
        "expected `,` or `}`" => "a falta de «,» ou «}»",
        "expected value" => "a falta de um valor",
        "expected ident" => "uma palavra que não é true, false nem null",
        "expected `\"`" => "a falta de «\"»",
        "trailing characters" => "caracteres depois do fim do documento",
        "trailing comma" => "uma vírgula a mais antes do fecho",
        "invalid number" => "um número inválido",
        "number out of range" => "um número fora do intervalo",
        "invalid escape" => "uma sequência de escape inválida",
        "invalid unicode code point" => "um carácter Unicode inválido",
        "key must be a string" => "uma chave que não é um texto",
        "recursion limit exceeded" => "demasiados níveis encaixados (recursion limit)",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "um carácter de controlo dentro de um texto"
        }
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => "uma sequência \\u incompleta",
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.to_string());
    }
    // Before the templates: "record " would take it.
    if let Some(rest) = en.strip_prefix("record for month ") {
        let month = rest.strip_suffix(" with the same region, sector and occupation")?;
        return Some(format!("registo do mês {month} com a mesma região, setor e ocupação"));
    }
    // Templates with parts kept as written.
    let templates: [(&str, &str, &str); 15] = [
        ("entry in dimensions.", "", "entrada em dimensions."),
        ("code in ", "", "código em "),
        ("id in ", "", "id em "),
        ("record ", "", "o registo "),
        ("string ", "", "o texto "),
        ("integer ", "", "o número inteiro "),
        ("floating point ", "", "o número decimal "),
        ("boolean ", "", "o valor lógico "),
        ("unknown field ", "", "o campo desconhecido "),
        ("unknown variant ", "", "o valor desconhecido "),
        ("duplicate field ", "", "o campo repetido "),
        ("the field ", "", "o campo "),
        ("one of ", "", "um de "),
        ("invalid length ", "", "comprimento "),
        ("struct ", "", "um objeto "),
    ];
    for (prefix, _, pt) in templates {
        if let Some(rest) = en.strip_prefix(prefix) {
            return Some(format!("{pt}{rest}"));
        }
    }
    if let Some(code) = en.strip_suffix(", outside them") {
        return Some(format!("{code}, fora deles"));
    }
    if let Some((group, event)) = en.split_once(", not among the participants of ") {
        return Some(format!("{group}, que não está entre os participantes de {event}"));
    }
    if let Some(rest) = en.strip_prefix("room in the browser's storage") {
        return Some(format!("espaço no armazenamento do navegador{rest}"));
    }
    // Codes, paths and values as written need no translation.
    let as_written = en.starts_with(['"', '$', '`']) || en.parse::<f64>().is_ok();
    as_written.then(|| en.to_string())
}

/// A phrase in `lang` (English phrases without a translation stay English).
fn phrase(lang: Lang, en: &str) -> String {
    match lang {
        Lang::En => en.to_string(),
        Lang::Pt => phrase_pt(en).unwrap_or_else(|| en.to_string()),
    }
}

/// "at least one entry" in Portuguese, with the noun's gender.
fn at_least_one_pt(what: &str) -> String {
    let (noun, feminine) = match what {
        "entry" => ("entrada", true),
        "record" => ("registo", false),
        "valid record" => ("registo válido", false),
        "label (pt or en)" => ("rótulo (pt ou en)", false),
        "region" => ("região", true),
        "ring" => ("anel", false),
        "header line" => ("linha de cabeçalho", true),
        "title (pt or en)" => ("título (pt ou en)", false),
        "slide" => ("diapositivo", false),
        "text (pt or en)" => ("texto (pt ou en)", false),
        "event" => ("evento", false),
        "character in the id" => ("carácter no id", false),
        "note explaining what is illustrative" => ("nota a explicar o que é ilustrativo", true),
        "dataset" => ("conjunto de dados", false),
        other => (other, false),
    };
    format!("pelo menos {} {noun}", if feminine { "uma" } else { "um" })
}

/// What a code of another classification is.
fn classification(lang: Lang, rule: &CodeRule) -> String {
    match rule {
        CodeRule::Cpp { .. } => tr(lang, "um código da CPP/2010", "a CPP/2010 code").into(),
        CodeRule::Cae { .. } => tr(lang, "um código da CAE Rev. 3", "a CAE Rev. 3 code").into(),
        CodeRule::Nuts { level, .. } | CodeRule::NutsSpans { level, .. } => {
            if lang == Lang::Pt {
                format!("uma região NUTS {level}")
            } else {
                format!("a NUTS {level} region")
            }
        }
        CodeRule::DistrictNumber { .. } => tr(lang, "um número de distrito", "a district number").into(),
        CodeRule::DistrictName { .. } => tr(lang, "o nome de um distrito", "a district's name").into(),
    }
}

fn reason(lang: Lang, why: NumberIssue) -> &'static str {
    use NumberIssue::*;
    match why {
        Ambiguous => tr(
            lang,
            "ambíguo: «.» ou «,» seguido de três algarismos tanto pode separar os milhares como marcar as décimas",
            "ambiguous: “.” or “,” before three digits may separate thousands or mark decimals",
        ),
        Fraction => tr(
            lang,
            "tem parte decimal, e as contagens de pessoas e vagas são números inteiros",
            "has a fractional part, and counts of people and vacancies are whole numbers",
        ),
        Scientific => tr(
            lang,
            "notação científica: a folha de cálculo pode ter perdido algarismos",
            "scientific notation: the spreadsheet may have dropped digits",
        ),
        SpreadsheetError => tr(lang, "um erro de fórmula da folha de cálculo", "a spreadsheet formula error"),
        Grouping => {
            tr(lang, "separadores fora de grupos de três algarismos", "separators not in groups of three digits")
        }
        NotNumber => tr(lang, "não é um número", "not a number"),
    }
}

fn join_quoted(items: &[String]) -> String {
    items.iter().map(|s| format!("\"{s}\"")).collect::<Vec<_>>().join(", ")
}

/// What was expected and what was found, in `lang`. Values from the file
/// (codes, cells) are quoted as written.
pub fn expected_found(lang: Lang, kind: &ProblemKind) -> (String, String) {
    use ProblemKind::*;
    let en = lang == Lang::En;
    match kind {
        Syntax { detail } => (tr(lang, "JSON válido", "valid JSON").into(), phrase(lang, detail)),
        Shape { detail } => {
            let (e, f) = kind_expected_found_en(kind);
            if en {
                (e, f)
            } else {
                let _ = detail;
                (phrase(lang, &e), phrase(lang, &f))
            }
        }
        WrongFormat { expected, found } => (
            // The expected formats are a list ("a, b or c"): its last "or" is a word, in `lang`.
            format!("\"format\": \"{}\"", if en { expected.to_string() } else { expected.replace(" or ", " ou ") }),
            {
                let f = phrase(lang, found);
                if f.starts_with('"') || f.starts_with("no") || f.starts_with("nenhum") {
                    f
                } else {
                    format!("\"{found}\"")
                }
            },
        ),
        WrongVersion { supported, found } => (format!("\"version\": {supported}"), found.clone()),
        UnknownCode { list, code, .. } => (
            if en {
                format!("a known {} code", list.name())
            } else {
                format!("um código de {} conhecido", list_name(lang, *list))
            },
            format!("\"{code}\""),
        ),
        Duplicate { what, first } => {
            if en {
                (format!("a unique {what}"), format!("a repeat of {first}"))
            } else {
                let w = phrase(lang, what);
                let one = if w.starts_with("entrada") { "uma única" } else { "um único" };
                let first = phrase(lang, first);
                // "de o registo 0" contracts to "do registo 0".
                let of_first = match first.strip_prefix("o ") {
                    Some(rest) => format!("do {rest}"),
                    None => format!("de {first}"),
                };
                (format!("{one} {w}"), format!("uma repetição {of_first}"))
            }
        }
        Negative { value } => (tr(lang, "uma contagem ≥ 0", "a count ≥ 0").into(), value.to_string()),
        TooLarge { value } => {
            (tr(lang, "uma contagem ≤ 4 294 967 294", "a count ≤ 4 294 967 294").into(), value.to_string())
        }
        BadMonth { found } => {
            (tr(lang, "um mês no formato \"AAAA-MM\"", "a month as \"YYYY-MM\"").into(), format!("\"{found}\""))
        }
        BadDate { found } => {
            (tr(lang, "uma data no formato \"AAAA-MM-DD\"", "a date as \"YYYY-MM-DD\"").into(), format!("\"{found}\""))
        }
        BadRange { what, found } => (phrase(lang, what), phrase(lang, found)),
        IndexOutOfRange { dimension, index, len } => (
            format!(
                "{} dimensions.{dimension} (0–{})",
                tr(lang, "um índice de", "an index into"),
                len.saturating_sub(1)
            ),
            index.to_string(),
        ),
        LengthMismatch { column, expected, found } => (
            format!(
                "{expected} {} records.{column} ({} records.month)",
                tr(lang, "valores em", "values in"),
                tr(lang, "como em", "as in")
            ),
            format!("{found} {}", tr(lang, "valores", "values")),
        ),
        Empty { what } => {
            if en {
                (format!("at least one {what}"), "none".into())
            } else {
                (at_least_one_pt(what), "nenhum".into())
            }
        }
        BadGeometry { detail } => (
            tr(
                lang,
                "um Polygon ou MultiPolygon com anéis [longitude, latitude]",
                "a Polygon or MultiPolygon with [longitude, latitude] rings",
            )
            .into(),
            detail.clone(),
        ),
        Missing { what } => (phrase(lang, what), tr(lang, "nada", "none").into()),
        Workbook { kind } => (
            tr(lang, "um ficheiro de texto CSV (ou JSON)", "a CSV text file (or JSON)").into(),
            match kind {
                self::Workbook::Zip => tr(
                    lang,
                    "um livro de folha de cálculo (.xlsx do Excel ou .ods do LibreOffice: um ficheiro zip)",
                    "a spreadsheet workbook (Excel .xlsx or LibreOffice .ods: a zip file)",
                ),
                self::Workbook::Ole => tr(lang, "um livro do Excel 97–2003 (.xls)", "an Excel 97–2003 workbook (.xls)"),
                self::Workbook::Pdf => tr(lang, "um documento PDF", "a PDF document"),
            }
            .into(),
        ),
        NotUtf8 { byte } => (
            tr(lang, "texto UTF-8 (um ficheiro JSON tem de ser UTF-8)", "UTF-8 text (a JSON file must be UTF-8)")
                .into(),
            format!("{} {byte})", tr(lang, "um byte que não é UTF-8 (byte", "a byte that is not UTF-8 (byte")),
        ),
        Decoded { encoding } => (
            tr(lang, "texto UTF-8", "UTF-8 text").into(),
            match encoding {
                Encoding::Windows1252 => tr(
                    lang,
                    "texto Windows-1252 (o «CSV (separado por vírgulas)» do Excel no Windows), lido como tal",
                    "Windows-1252 text (Excel's “CSV (Comma delimited)” on Windows), read as such",
                ),
                Encoding::Utf16Le | Encoding::Utf16Be => tr(
                    lang,
                    "texto UTF-16 (o «Texto Unicode» do Excel), lido como tal",
                    "UTF-16 text (Excel's “Unicode Text”), read as such",
                ),
            }
            .into(),
        ),
        BadNumber { found, why } => (
            tr(lang, "uma contagem: um número inteiro como 1234", "a count: a whole number such as 1234").into(),
            format!("\"{found}\" — {}", reason(lang, *why)),
        ),
        NotAvailable { count, markers, columns, lines } => {
            let cols = columns.iter().map(|(c, n)| format!("{c} {n}")).collect::<Vec<_>>().join(", ");
            let where_ = if lines.0 == lines.1 {
                format!("{} {}", tr(lang, "linha", "line"), lines.0)
            } else {
                format!("{} {}–{}", tr(lang, "linhas", "lines"), lines.0, lines.1)
            };
            (
                tr(lang, "uma contagem ou uma célula vazia", "a count or an empty cell").into(),
                format!(
                    "{} {} ({}): {cols}; {where_}",
                    cells(lang, *count),
                    tr(lang, "com marcas de «não disponível»", "with “not available” markers"),
                    join_quoted(markers)
                ),
            )
        }
        CsvHeader { missing, unknown } => {
            let mut found = Vec::new();
            if !missing.is_empty() {
                found.push(format!("{}: {}", tr(lang, "em falta", "missing"), missing.join(", ")));
            }
            if !unknown.is_empty() && missing.is_empty() {
                found.push(format!(
                    "{}: {}",
                    tr(lang, "outras colunas, ignoradas", "other columns, ignored"),
                    join_quoted(unknown)
                ));
            } else if !unknown.is_empty() {
                found.push(format!("{}: {}", tr(lang, "desconhecidas", "unknown"), join_quoted(unknown)));
            }
            let expected = if missing.is_empty() {
                // A warning: every column is there, others are ignored.
                tr(lang, "só as oito colunas do formato", "only the eight columns of the format").to_string()
            } else {
                format!(
                    "{} {} {}",
                    tr(lang, "as colunas", "the columns"),
                    crate::core::data::csv::HEADER.join(", "),
                    tr(lang, "(por qualquer ordem)", "(in any order)")
                )
            };
            (expected, found.join("; "))
        }
        FieldCount { expected, found } => (
            format!("{}, {}", cells(lang, *expected), tr(lang, "como no cabeçalho", "as in the header")),
            cells(lang, *found),
        ),
        DuplicateRow { first_line } => (
            tr(
                lang,
                "uma linha por mês, região, setor e ocupação",
                "one line per month, region, sector and occupation",
            )
            .into(),
            format!("{} {first_line}", tr(lang, "uma repetição da linha", "a repeat of line")),
        ),
        OtherClassification { list, code, rule } => (
            if en {
                format!("a known {} code", list.name())
            } else {
                format!("um código de {} conhecido", list_name(lang, *list))
            },
            format!("\"{code}\", {}", classification(lang, rule)),
        ),
        CheckerFailed { started, detail } => (
            tr(
                lang,
                "a verificação do ficheiro neste navegador (um Web Worker)",
                "the file's check in this browser (a Web Worker)",
            )
            .into(),
            {
                let what = if *started {
                    tr(lang, "parou durante a verificação", "it stopped during the check")
                } else {
                    tr(lang, "não arrancou", "it did not start")
                };
                if detail.is_empty() {
                    what.to_string()
                } else {
                    format!("{what} ({detail})")
                }
            },
        ),
    }
}

/// The English pair the data core itself gives (`ProblemKind::expected_found`).
fn kind_expected_found_en(kind: &ProblemKind) -> (String, String) {
    kind.expected_found()
}

/// NUTS regions equal to one district; the others in `code_rules` only
/// mostly overlap it.
const NUTS_EXACT: [&str; 7] = ["PT15", "PT150", "PT20", "PT200", "PT30", "PT300", "PT111"];

/// How to fix a problem, in `lang`, for the kinds of `ProblemKind` that
/// have something useful to say (`i18n::hint` covers the others).
pub fn hint(lang: Lang, p: &Problem) -> Option<String> {
    use ProblemKind::*;
    let save_csv = tr(
        lang,
        "No Excel: Ficheiro › Guardar Como › tipo «CSV UTF-8 (delimitado por vírgulas) (*.csv)», e carregue o .csv. No LibreOffice Calc: Ficheiro › Guardar como › «Texto CSV (.csv)», marque «Editar definições do filtro» e escolha o conjunto de caracteres «Unicode (UTF-8)».",
        "In Excel: File › Save As › type “CSV UTF-8 (Comma delimited) (*.csv)” (in Portuguese Excel “CSV UTF-8 (delimitado por vírgulas)”), then load the .csv. In LibreOffice Calc: File › Save As › “Text CSV (.csv)”, tick “Edit filter settings” and choose the character set “Unicode (UTF-8)”.",
    );
    let s: String = match &p.kind {
        Syntax { .. } if p.csv_column.is_some() => tr(
            lang,
            "Guarde de novo a folha como «CSV UTF-8 (delimitado por vírgulas)».",
            "Save the sheet again as “CSV UTF-8 (Comma delimited)”.",
        )
        .into(),
        Workbook { kind: self::Workbook::Pdf } => tr(
            lang,
            "Um PDF não pode ser lido: exporte a tabela da sua origem como CSV UTF-8.",
            "A PDF cannot be read: export the table from its source as CSV UTF-8.",
        )
        .into(),
        Workbook { .. } => format!("{} {save_csv}", tr(lang, "Guarde a primeira folha como CSV.", "Save the first sheet as CSV.")),
        CheckerFailed { .. } => tr(
            lang,
            "O ficheiro não foi recusado: não pôde ser verificado. Recarregue a página e carregue-o de novo. Se voltar a acontecer, use uma versão atual do Chrome, Edge, Firefox ou Safari; num computador gerido pela sua organização, peça que este endereço possa usar Web Workers. Os dados já carregados continuam disponíveis.",
            "The file was not refused: it could not be checked. Reload the page and load it again. If it happens again, use a current version of Chrome, Edge, Firefox or Safari; on a computer managed by your organisation, ask for this address to be allowed Web Workers. The data already loaded stays available.",
        )
        .into(),
        NotUtf8 { .. } => tr(
            lang,
            "Guarde o ficheiro com a codificação UTF-8 (num editor de texto: Guardar com codificação › UTF-8), ou exporte-o de novo em UTF-8.",
            "Save the file with the UTF-8 encoding (in a text editor: Save with encoding › UTF-8), or export it again as UTF-8.",
        )
        .into(),
        Decoded { .. } => format!(
            "{} {save_csv}",
            tr(
                lang,
                "Confira se os nomes acentuados (Évora) estão certos. Para não ver este aviso:",
                "Check that accented names (Évora) look right. To avoid this notice:",
            )
        ),
        BadNumber { why, .. } => match why {
            NumberIssue::Ambiguous => tr(
                lang,
                "Escreva a contagem sem separador de milhares (1000). No Excel: formate a coluna como Número, 0 casas decimais, sem «Usar separador de milhares», e guarde de novo.",
                "Write the count without a thousands separator (1000). In Excel: format the column as Number, 0 decimal places, without “Use 1000 Separator”, and save again.",
            ),
            NumberIssue::Fraction => tr(
                lang,
                "Confira o valor: se é uma média ou uma taxa, não pertence a esta coluna.",
                "Check the value: an average or a rate does not belong in this column.",
            ),
            NumberIssue::Scientific => tr(
                lang,
                "Formate a coluna como Número com 0 casas decimais (não Geral nem Científico) e guarde de novo.",
                "Format the column as Number with 0 decimal places (not General or Scientific) and save again.",
            ),
            NumberIssue::SpreadsheetError => tr(
                lang,
                "Corrija a fórmula na folha de cálculo, ou deixe a célula vazia se o número não está disponível.",
                "Fix the formula in the spreadsheet, or leave the cell empty if the figure is not available.",
            ),
            NumberIssue::Grouping | NumberIssue::NotNumber => tr(
                lang,
                "Escreva um número inteiro só com algarismos (1234), ou deixe a célula vazia se não está disponível (#N/D, -, .. e : também querem dizer «não disponível»).",
                "Write a whole number in digits only (1234), or leave the cell empty if it is not available (#N/D, -, .. and : also mean “not available”).",
            ),
        }
        .into(),
        NotAvailable { .. } => tr(
            lang,
            "Estas células contam como «não disponível», tal como as vazias; nada a fazer se é isso que querem dizer.",
            "These cells count as “not available”, like empty ones; nothing to do if that is what they mean.",
        )
        .into(),
        CsvHeader { .. } if p.severity == Severity::Warning => tr(
            lang,
            "Só as oito colunas do formato são lidas; nada a fazer se as outras são notas ou nomes.",
            "Only the eight columns of the format are read; nothing to do if the others are notes or names.",
        )
        .into(),
        CsvHeader { .. } => tr(
            lang,
            "A primeira linha dá os nomes das colunas, separados como o resto do ficheiro; veja a página «Formato dos dados».",
            "The first line names the columns, separated like the rest of the file; see the “Data format” page.",
        )
        .into(),
        FieldCount { .. } => tr(
            lang,
            "Uma célula que contém o separador tem de estar entre aspas (\"Lisboa; Setúbal\").",
            "A cell that contains the separator must be in double quotes (\"Lisboa; Setúbal\").",
        )
        .into(),
        DuplicateRow { .. } => crate::core::i18n::t(lang, crate::core::i18n::Key::HintDuplicate).into(),
        OtherClassification { code, rule, .. } => rule_hint(lang, code, rule),
        _ => return None,
    };
    Some(s)
}

/// The rule of a code of another classification, and the code to write.
fn rule_hint(lang: Lang, code: &str, rule: &CodeRule) -> String {
    let code = code.trim();
    match (lang, rule) {
        (Lang::Pt, CodeRule::Cpp { to }) => format!("CPP/2010 {code} → ISCO-08 {to}: os quatro primeiros algarismos de uma profissão da CPP/2010 são o seu grupo base da ISCO-08 (CITP). Escreva {to}."),
        (Lang::En, CodeRule::Cpp { to }) => format!("CPP/2010 {code} → ISCO-08 {to}: the first four digits of a CPP/2010 profession are its ISCO-08 unit group. Write {to}."),
        (Lang::Pt, CodeRule::Cae { to }) => format!("CAE {code} → divisão NACE {to}: os dois primeiros algarismos de um código da CAE Rev. 3 são a sua divisão da NACE Rev. 2. Escreva {to}."),
        (Lang::En, CodeRule::Cae { to }) => format!("CAE {code} → NACE division {to}: the first two digits of a CAE Rev. 3 code are its NACE Rev. 2 division. Write {to}."),
        (l, CodeRule::Nuts { level, name, to, to_name }) => {
            let exact = NUTS_EXACT.contains(&code.to_ascii_uppercase().as_str());
            match (l, exact) {
                (Lang::Pt, true) => format!("NUTS {level} {code} {name} = distrito {to} {to_name}. Os dados são por distrito (ISO 3166-2:PT): escreva {to}."),
                (Lang::En, true) => format!("NUTS {level} {code} {name} = district {to} {to_name}. The data are by district (ISO 3166-2:PT): write {to}."),
                (Lang::Pt, false) => format!("NUTS {level} {code} {name} ≈ distrito {to} {to_name} (a maior parte da área, não toda). Se os números são do distrito, escreva {to}."),
                (Lang::En, false) => format!("NUTS {level} {code} {name} ≈ district {to} {to_name} (most of its area, not all). If the figures are the district's, write {to}."),
            }
        }
        (Lang::Pt, CodeRule::NutsSpans { level, name, districts }) => {
            let list = if districts.is_empty() { String::new() } else { format!(" ({}, alguns só em parte)", districts.join(", ")) };
            format!("NUTS {level} {code} {name} abrange vários distritos{list}. Os dados são por distrito (ISO 3166-2:PT): dê os números de cada distrito.")
        }
        (Lang::En, CodeRule::NutsSpans { level, name, districts }) => {
            let list = if districts.is_empty() { String::new() } else { format!(" ({}, some only in part)", districts.join(", ")) };
            format!("NUTS {level} {code} {name} spans several districts{list}. The data are by district (ISO 3166-2:PT): give the figures of each district.")
        }
        (Lang::Pt, CodeRule::DistrictNumber { to, to_name }) => format!("Distrito número {code} (INE) → ISO 3166-2:PT {to} {to_name}. Escreva {to}."),
        (Lang::En, CodeRule::DistrictNumber { to, to_name }) => format!("District number {code} (INE) → ISO 3166-2:PT {to} {to_name}. Write {to}."),
        (Lang::Pt, CodeRule::DistrictName { to }) => format!("{code} é o nome de um distrito: escreva o seu código, {to}."),
        (Lang::En, CodeRule::DistrictName { to }) => format!("{code} is a district's name: write its code, {to}."),
    }
}

/// One line describing a problem: "erro · Não é uma contagem — linha 3,
/// coluna 5 (jobseekers): esperado …; encontrado …".
pub fn describe(lang: Lang, p: &Problem) -> String {
    let (expected, found) = expected_found(lang, &p.kind);
    let expected = if matches!(p.kind, ProblemKind::Syntax { .. }) && p.csv_column.is_some() {
        tr(lang, "CSV legível", "readable CSV").to_string()
    } else {
        expected
    };
    let sev = match p.severity {
        Severity::Error => t(lang, Key::Error),
        Severity::Warning => t(lang, Key::Warning),
    };
    let place = place(lang, p);
    let place = if place.is_empty() { String::new() } else { format!(" — {place}") };
    format!("{sev} · {}{place}: {} {expected}; {} {found}", title(lang, p), t(lang, Key::Expected), t(lang, Key::Found))
}

/// A whole report as plain text (for `vagas-check`): the counts, then each
/// group of problems in order, with hints.
pub fn report_text(lang: Lang, r: &Report) -> String {
    let mut out = format!(
        "{}: {}, {}\n",
        r.dataset,
        count(lang, r.total_errors, ("erro", "erros"), ("error", "errors")),
        count(lang, r.total_warnings, ("aviso", "avisos"), ("warning", "warnings"))
    );
    for (g, problems) in r.grouped() {
        if g.count > 1 {
            out.push_str(&format!("  {}\n", crate::core::i18n::group_line(lang, g.count, problems.len())));
        }
        for p in problems {
            out.push_str(&format!("  {}\n", describe(lang, p)));
            if let Some(h) = crate::core::i18n::hint(lang, p) {
                out.push_str(&format!("    → {h}\n"));
            }
        }
    }
    if r.unlisted() > 0 {
        out.push_str(&format!(
            "  … {} {}\n",
            r.unlisted(),
            crate::core::i18n::t(lang, crate::core::i18n::Key::MoreProblems)
        ));
    }
    out
}

// The English texts the data core's own `Display` gives (logs, `vagas-check` without `--lang`):
// defined here, with the translations, so that the data core does not import the messages.

impl ProblemKind {
    /// The expected/found pair in plain English (the UI translates via `i18n`).
    pub fn expected_found(&self) -> (String, String) {
        use ProblemKind::*;
        match self {
            Syntax { detail } => ("valid JSON".into(), detail.clone()),
            Shape { detail } => crate::core::data::problem::split_serde_detail(detail),
            WrongFormat { expected, found } => (format!("\"format\": \"{expected}\""), format!("\"{found}\"")),
            WrongVersion { supported, found } => (format!("\"version\": {supported}"), found.clone()),
            UnknownCode { list, code, .. } => (format!("a known {} code", list.name()), format!("\"{code}\"")),
            Duplicate { what, first } => (format!("a unique {what}"), format!("a repeat of {first}")),
            Negative { value } => ("a count ≥ 0".into(), value.to_string()),
            TooLarge { value } => ("a count ≤ 4 294 967 294".into(), value.to_string()),
            BadMonth { found } => ("a month as \"YYYY-MM\"".into(), format!("\"{found}\"")),
            BadDate { found } => ("a date as \"YYYY-MM-DD\"".into(), format!("\"{found}\"")),
            BadRange { what, found } => (what.to_string(), found.clone()),
            IndexOutOfRange { dimension, index, len } => {
                (format!("an index into dimensions.{dimension} (0–{})", len.saturating_sub(1)), index.to_string())
            }
            LengthMismatch { column, expected, found } => {
                (format!("{expected} values in records.{column} (as in records.month)"), format!("{found} values"))
            }
            Empty { what } => (format!("at least one {what}"), "none".into()),
            BadGeometry { detail } => {
                ("a Polygon or MultiPolygon with [longitude, latitude] rings".into(), detail.clone())
            }
            Missing { what } => (what.clone(), "none".into()),
            other => expected_found(Lang::En, other),
        }
    }
}

impl Problem {
    /// How to fix it, in English (the UI translates via `i18n::hint`).
    pub fn hint(&self) -> Option<String> {
        match &self.kind {
            ProblemKind::UnknownCode { list, code, suggestion: Some(s) } => {
                Some(format!("unknown {} code \"{code}\" — did you mean {s}?", list.name()))
            }
            ProblemKind::UnknownCode { .. } => None,
            _ => hint(Lang::En, self),
        }
    }

    /// Where the problem is, in English: the CSV cell (line, column, name) or the JSON path and
    /// line:column.
    pub fn location(&self) -> String {
        if self.csv_column.is_some() {
            return place(Lang::En, self);
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{} (line {l}:{c})", self.path),
            _ => self.path.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::path::JsonPath;

    #[test]
    fn csv_problems_read_in_each_language() {
        let p = Problem::error(
            JsonPath::root(),
            ProblemKind::BadNumber { found: "1.000".into(), why: NumberIssue::Ambiguous },
        )
        .at_cell(3, 5, "jobseekers");
        assert!(describe(Lang::Pt, &p)
            .starts_with("erro · Não é uma contagem — linha 3, coluna 5 (jobseekers): esperado uma contagem"));
        assert!(describe(Lang::En, &p).contains("found \"1.000\" — ambiguous"), "{}", describe(Lang::En, &p));
        assert_eq!(records(Lang::Pt, 1), "1 registo");
        assert_eq!(records(Lang::Pt, 2), "2 registos");
        assert_eq!(records(Lang::En, 1), "1 record");
    }
}
