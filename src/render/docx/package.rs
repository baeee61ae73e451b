//! The DOCX package around the body docx-rs writes: content types and
//! relationships for exactly the parts the file holds, core properties from
//! the model's [`Metadata`] (title, subject, issuing body, date — nothing
//! invented), settings for a Vietnamese document, the font table, a theme,
//! and the named styles. Zipped with fixed timestamps, so the same model
//! gives the same bytes.

use std::io::{Cursor, Seek, Write};

use super::styles::{styles_xml, FONT};
use super::units::xml_escape;
use crate::doc::Metadata;
use crate::render::{Refused, Stop};

/// What the body of a DOCX is made of, already in schema order.
pub(super) struct Body {
    pub document: String,
    pub headers: Vec<String>,
    /// `word/_rels/headerN.xml.rels`, as docx-rs wrote them.
    pub header_rels: Vec<Vec<u8>>,
    /// docx-rs's `word/_rels/document.xml.rels`: its header and image
    /// relationships are kept, the parts it would point at besides are ours.
    pub document_rels: String,
    /// Pictures: (name, PNG bytes), stored as `word/media/{name}.png`.
    pub media: Vec<(String, Vec<u8>)>,
}

const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORDML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The DOCX bytes of `body` described by `meta`.
pub(super) fn zip(body: Body, meta: &Metadata) -> Result<Vec<u8>, Refused> {
    let written = zip_into(body, meta, Cursor::new(Vec::new()), &mut |_| Ok::<(), Stop<std::convert::Infallible>>(()));
    written.map(Cursor::into_inner).map_err(|stop| match stop {
        Stop::Render(refused) => refused,
        Stop::Write(err) => Refused::other("docx", err),
        Stop::Source(never) => match never {},
    })
}

/// Where `fill` writes into `word/document.xml`, in place of this mark:
/// a body too large to hold in memory (100,000 certificates) is streamed.
pub(super) const BODY_MARK: &str = "<!--baocao: body-->";

/// What writes the streamed part of a document's body into the zip.
pub(super) type Fill<'a, E> = dyn FnMut(&mut dyn Write) -> Result<(), Stop<E>> + 'a;

/// Writes the DOCX of `body` described by `meta` into `out`; when the
/// document holds [`BODY_MARK`], `fill` writes the XML that replaces it.
pub(super) fn zip_into<W: Write + Seek, E>(
    body: Body,
    meta: &Metadata,
    out: W,
    fill: &mut Fill<'_, E>,
) -> Result<W, Stop<E>> {
    let mut zip = zip::ZipWriter::new(Abandoning::new(out));
    // Level 1: the XML parts repeat themselves, so even the fastest level
    // packs them nearly as well as the default, in a fraction of the time.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default());
    let put = |zip: &mut zip::ZipWriter<Abandoning<W>>, name: &str, bytes: &[u8], options| -> Result<(), Stop<E>> {
        zip.start_file(name, options).map_err(zip_stop)?;
        zip.write_all(bytes).map_err(Stop::Write)
    };
    let add = |zip: &mut zip::ZipWriter<Abandoning<W>>, name: &str, bytes: &[u8]| put(zip, name, bytes, options);
    let headers_with_rels: Vec<bool> =
        (0..body.headers.len()).map(|i| body.header_rels.get(i).is_some_and(|r| has_relationship(r))).collect();
    add(&mut zip, "[Content_Types].xml", content_types(body.headers.len(), !body.media.is_empty()).as_bytes())?;
    add(&mut zip, "_rels/.rels", package_rels().as_bytes())?;
    add(&mut zip, "docProps/core.xml", core_xml(meta).as_bytes())?;
    add(&mut zip, "docProps/app.xml", app_xml(meta).as_bytes())?;
    match body.document.split_once(BODY_MARK) {
        None => add(&mut zip, "word/document.xml", body.document.as_bytes())?,
        Some((before, after)) => {
            // No Zip64 (LibreOffice refuses it): the recipient limit of a
            // group keeps the streamed body under 4 GiB.
            zip.start_file("word/document.xml", options).map_err(zip_stop)?;
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, &mut zip);
            buffered.write_all(before.as_bytes()).map_err(Stop::Write)?;
            fill(&mut buffered)?;
            buffered.write_all(after.as_bytes()).map_err(Stop::Write)?;
            buffered.flush().map_err(Stop::Write)?;
        }
    }
    add(&mut zip, "word/_rels/document.xml.rels", document_rels(&body.document_rels).as_bytes())?;
    add(&mut zip, "word/styles.xml", styles_xml().as_bytes())?;
    add(&mut zip, "word/settings.xml", SETTINGS.as_bytes())?;
    add(&mut zip, "word/fontTable.xml", font_table().as_bytes())?;
    add(&mut zip, "word/theme/theme1.xml", THEME.as_bytes())?;
    for (index, header) in body.headers.iter().enumerate() {
        add(&mut zip, &format!("word/header{}.xml", index + 1), header.as_bytes())?;
        if headers_with_rels[index] {
            add(&mut zip, &format!("word/_rels/header{}.xml.rels", index + 1), &body.header_rels[index])?;
        }
    }
    // A PNG is compressed already: deflating it again only costs time.
    let stored = options.compression_method(zip::CompressionMethod::Stored).compression_level(None);
    for (name, png) in &body.media {
        put(&mut zip, &format!("word/media/{name}.png"), png, stored)?;
    }
    Ok(zip.finish().map_err(zip_stop)?.inner)
}

/// A failed write of the file (a full disk) as [`Stop::Write`]; anything
/// else the zip library refuses as a rendering failure.
fn zip_stop<E>(err: zip::result::ZipError) -> Stop<E> {
    match err {
        zip::result::ZipError::Io(err) => Stop::Write(err),
        other => Stop::Render(Refused::other("docx", other)),
    }
}

/// The file a DOCX is zipped into, abandoned at its first failed write:
/// the zip library still finishes the archive when it is dropped after an
/// error, and would print its own complaint, in English, to stderr. From
/// the failure on, writes and seeks only move a position (as a file that
/// took everything would), so the library's own bookkeeping stays sound;
/// the error itself has been returned and the file is discarded with its
/// folder. The file starts empty.
struct Abandoning<W> {
    inner: W,
    failed: bool,
    /// Where the next byte goes, and how far the file reaches.
    position: u64,
    end: u64,
}

impl<W> Abandoning<W> {
    fn new(inner: W) -> Abandoning<W> {
        Abandoning { inner, failed: false, position: 0, end: 0 }
    }

    fn moved_to(&mut self, position: u64) {
        self.position = position;
        self.end = self.end.max(position);
    }

    fn watch<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if result.as_ref().is_err_and(|err| err.kind() != std::io::ErrorKind::Interrupted) {
            self.failed = true;
        }
        result
    }
}

impl<W: Write> Write for Abandoning<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = if self.failed { Ok(buf.len()) } else { self.inner.write(buf) };
        let written = self.watch(written)?;
        self.moved_to(self.position + written as u64);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.watch(result)
    }
}

impl<W: Seek> Seek for Abandoning<W> {
    fn seek(&mut self, to: std::io::SeekFrom) -> std::io::Result<u64> {
        let reached = if self.failed {
            Ok(match to {
                std::io::SeekFrom::Start(at) => at,
                std::io::SeekFrom::Current(by) => self.position.saturating_add_signed(by),
                std::io::SeekFrom::End(by) => self.end.saturating_add_signed(by),
            })
        } else {
            self.inner.seek(to)
        };
        let reached = self.watch(reached)?;
        self.moved_to(reached);
        Ok(reached)
    }
}

fn has_relationship(rels: &[u8]) -> bool {
    rels.windows(b"<Relationship ".len()).any(|w| w == b"<Relationship ")
}

fn content_types(headers: usize, pictures: bool) -> String {
    let mut xml = String::from(XML_DECLARATION);
    xml.push_str(r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#);
    xml.push_str(
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />"#,
    );
    xml.push_str(r#"<Default Extension="xml" ContentType="application/xml" />"#);
    if pictures {
        xml.push_str(r#"<Default Extension="png" ContentType="image/png" />"#);
    }
    let mut part = |name: &str, kind: &str| {
        xml.push_str(&format!(r#"<Override PartName="{name}" ContentType="{kind}" />"#));
    };
    part("/word/document.xml", &format!("{WORDML}.document.main+xml"));
    part("/word/styles.xml", &format!("{WORDML}.styles+xml"));
    part("/word/settings.xml", &format!("{WORDML}.settings+xml"));
    part("/word/fontTable.xml", &format!("{WORDML}.fontTable+xml"));
    part("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml");
    for index in 1..=headers {
        part(&format!("/word/header{index}.xml"), &format!("{WORDML}.header+xml"));
    }
    part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    part("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    xml.push_str("</Types>");
    xml
}

fn package_rels() -> String {
    format!(
        concat!(
            "{}",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml" />"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml" />"#,
            r#"<Relationship Id="rId3" Type="{rel}/extended-properties" Target="docProps/app.xml" />"#,
            "</Relationships>"
        ),
        XML_DECLARATION,
        rel = RELATIONSHIPS
    )
}

/// docx-rs's relationships to headers, footers and pictures, and ours to
/// the styles, settings, fonts and theme.
fn document_rels(docx_rs: &str) -> String {
    let mut xml = String::from(XML_DECLARATION);
    xml.push_str(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#);
    for (id, kind, target) in [("rIdStyles", "styles", "styles.xml"), ("rIdSettings", "settings", "settings.xml")]
        .into_iter()
        .chain([("rIdFontTable", "fontTable", "fontTable.xml"), ("rIdTheme", "theme", "theme/theme1.xml")])
    {
        xml.push_str(&format!(r#"<Relationship Id="{id}" Type="{RELATIONSHIPS}/{kind}" Target="{target}" />"#));
    }
    let kept = ["/header\"", "/footer\"", "/image\""];
    for relationship in docx_rs.split("<Relationship ").skip(1) {
        let element = relationship.split("/>").next().unwrap_or("");
        if kept.iter().any(|kind| element.contains(kind)) {
            xml.push_str("<Relationship ");
            xml.push_str(element);
            xml.push_str("/>");
        }
    }
    xml.push_str("</Relationships>");
    xml
}

/// Core properties: what the paper is, who issued it, when. A missing
/// date is left out, never written as 1970.
fn core_xml(meta: &Metadata) -> String {
    let mut xml = String::from(XML_DECLARATION);
    xml.push_str(concat!(
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
        r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    ));
    let mut element = |name: &str, value: &str| {
        if !value.is_empty() {
            xml.push_str(&format!("<{name}>{}</{name}>", xml_escape(value)));
        }
    };
    element("dc:title", &meta.title);
    element("dc:subject", &meta.subject);
    element("dc:creator", &meta.author);
    element("cp:lastModifiedBy", &meta.author);
    element("dc:language", "vi-VN");
    if let Some(created) = meta.created {
        let stamp = created.w3c();
        xml.push_str(&format!(r#"<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>"#));
        xml.push_str(&format!(r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>"#));
    }
    xml.push_str("</cp:coreProperties>");
    xml
}

fn app_xml(meta: &Metadata) -> String {
    let mut xml = String::from(XML_DECLARATION);
    xml.push_str(concat!(
        r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
        r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
        "<Application>baocao</Application>"
    ));
    if !meta.author.is_empty() {
        xml.push_str(&format!("<Company>{}</Company>", xml_escape(&meta.author)));
    }
    xml.push_str("</Properties>");
    xml
}

/// Word 2013+ layout (compatibility mode 15), Vietnamese proofing and
/// number punctuation (decimal comma, list separator semicolon).
const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:zoom w:percent="100" />"#,
    r#"<w:defaultTabStop w:val="720" />"#,
    r#"<w:characterSpacingControl w:val="doNotCompress" />"#,
    r#"<w:compat><w:spaceForUL /><w:balanceSingleByteDoubleByteWidth /><w:doNotLeaveBackslashAlone />"#,
    r#"<w:ulTrailSpace /><w:doNotExpandShiftReturn /><w:useFELayout />"#,
    r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15" />"#,
    r#"</w:compat>"#,
    r#"<w:themeFontLang w:val="vi-VN" />"#,
    r#"<w:decimalSymbol w:val="," />"#,
    r#"<w:listSeparator w:val=";" />"#,
    r#"</w:settings>"#
);

fn font_table() -> String {
    format!(
        concat!(
            "{}",
            r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:font w:name="{font}"><w:panose1 w:val="02020603050405020304" /><w:charset w:val="00" />"#,
            r#"<w:family w:val="roman" /><w:pitch w:val="variable" /></w:font></w:fonts>"#
        ),
        XML_DECLARATION,
        font = FONT
    )
}

/// The smallest complete theme: Office colours, Times New Roman for
/// headings and body (so theme fonts agree with the styles).
const THEME: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="baocao"><a:themeElements>"#,
    r#"<a:clrScheme name="baocao">"#,
    r#"<a:dk1><a:sysClr val="windowText" lastClr="000000" /></a:dk1>"#,
    r#"<a:lt1><a:sysClr val="window" lastClr="FFFFFF" /></a:lt1>"#,
    r#"<a:dk2><a:srgbClr val="1F497D" /></a:dk2><a:lt2><a:srgbClr val="EEECE1" /></a:lt2>"#,
    r#"<a:accent1><a:srgbClr val="4F81BD" /></a:accent1><a:accent2><a:srgbClr val="C0504D" /></a:accent2>"#,
    r#"<a:accent3><a:srgbClr val="9BBB59" /></a:accent3><a:accent4><a:srgbClr val="8064A2" /></a:accent4>"#,
    r#"<a:accent5><a:srgbClr val="4BACC6" /></a:accent5><a:accent6><a:srgbClr val="F79646" /></a:accent6>"#,
    r#"<a:hlink><a:srgbClr val="0000FF" /></a:hlink><a:folHlink><a:srgbClr val="800080" /></a:folHlink>"#,
    r#"</a:clrScheme>"#,
    r#"<a:fontScheme name="baocao">"#,
    r#"<a:majorFont><a:latin typeface="Times New Roman" /><a:ea typeface="" /><a:cs typeface="" /></a:majorFont>"#,
    r#"<a:minorFont><a:latin typeface="Times New Roman" /><a:ea typeface="" /><a:cs typeface="" /></a:minorFont>"#,
    r#"</a:fontScheme>"#,
    r#"<a:fmtScheme name="baocao">"#,
    r#"<a:fillStyleLst><a:solidFill><a:schemeClr val="phClr" /></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr" /></a:solidFill><a:solidFill><a:schemeClr val="phClr" /></a:solidFill>"#,
    r#"</a:fillStyleLst>"#,
    r#"<a:lnStyleLst><a:ln w="9525"><a:solidFill><a:schemeClr val="phClr" /></a:solidFill></a:ln>"#,
    r#"<a:ln w="25400"><a:solidFill><a:schemeClr val="phClr" /></a:solidFill></a:ln>"#,
    r#"<a:ln w="38100"><a:solidFill><a:schemeClr val="phClr" /></a:solidFill></a:ln></a:lnStyleLst>"#,
    r#"<a:effectStyleLst><a:effectStyle><a:effectLst /></a:effectStyle><a:effectStyle><a:effectLst />"#,
    r#"</a:effectStyle><a:effectStyle><a:effectLst /></a:effectStyle></a:effectStyleLst>"#,
    r#"<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr" /></a:solidFill>"#,
    r#"<a:solidFill><a:schemeClr val="phClr" /></a:solidFill><a:solidFill><a:schemeClr val="phClr" /></a:solidFill>"#,
    r#"</a:bgFillStyleLst></a:fmtScheme>"#,
    r#"</a:themeElements><a:objectDefaults /><a:extraClrSchemeLst /></a:theme>"#
);
