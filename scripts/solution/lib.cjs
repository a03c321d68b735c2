"use strict";
/**
 * Pure parts of the solution packer and the version setter: no file system, no processes.
 * CommonJS so that node runs it directly and jest can import it (types: lib.d.cts).
 *
 * The zip layout follows what Microsoft's tooling (pac / Microsoft.PowerApps.MSBuild.Solution) writes:
 *   customizations.xml
 *   solution.xml
 *   Controls/<prefix>_<namespace>.<constructor>/ControlManifest.xml
 *   Controls/<prefix>_<namespace>.<constructor>/<every file the compiled manifest names, then the licence notice>
 *   [Content_Types].xml                        (last, declaring exactly the extensions present)
 * The three solution-level XML files carry a UTF-8 BOM and CRLF line ends, as pac writes them.
 */
const { XMLParser } = require("fast-xml-parser");
const { SaxesParser } = require("saxes");

/** Component type of a custom control (PCF) in solution.xml RootComponents. */
const CUSTOM_CONTROL_COMPONENT_TYPE = 66;

const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** Content type of an extension in [Content_Types].xml: xml is text/xml, everything else octet-stream (as pac writes). */
const contentTypeOf = (/** @type {string} */ ext) => (ext === "xml" ? "text/xml" : "application/octet-stream");

/** What `<solution>` says wrote it: pac writes CrmLive (Dataverse online), not OnPrem. */
const GENERATED_BY = "CrmLive";

/** Manifest resource elements that name a file shipped next to ControlManifest.xml. */
const FILE_RESOURCE_KINDS = ["code", "css", "resx", "img", "html"];

// ---------------------------------------------------------------- versions

const SOLUTION_VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?$/;

/**
 * A solution version as Dataverse writes it, four parts: "1.2.3" becomes "1.2.3.0", "1.2.3.4" stays.
 * @param {string} text
 */
function solutionVersion(text) {
    const match = SOLUTION_VERSION_RE.exec(String(text).trim());
    if (!match) throw new Error(`"${text}" is not a version of the form MAJOR.MINOR.PATCH or MAJOR.MINOR.PATCH.REVISION (e.g. 1.0.1 or 1.0.1.0)`);
    return [match[1], match[2], match[3], match[4] ?? "0"].join(".");
}

/**
 * The control's three-part version within a solution version ("1.2.3.4" → "1.2.3"): a PCF manifest and package.json have three parts.
 * @param {string} text
 */
function controlVersionOf(text) {
    return solutionVersion(text).split(".").slice(0, 3).join(".");
}

const VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * Compares two versions numerically, part by part ("1.10.0" > "1.9.0").
 * Accepts 1–4 numeric parts so that a 4-part solution version can be compared too; missing parts count as 0.
 * @param {string} a
 * @param {string} b
 * @returns {-1 | 0 | 1}
 */
function compareVersions(a, b) {
    const parts = (/** @type {string} */ v) => {
        const text = String(v).trim();
        if (!/^\d+(\.\d+){0,3}$/.test(text)) throw new Error(`"${v}" is not a numeric dotted version`);
        return text.split(".").map(Number);
    };
    const pa = parts(a);
    const pb = parts(b);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const x = pa[i] ?? 0;
        const y = pb[i] ?? 0;
        if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
}

/**
 * Throws unless `next` (three or four parts) is strictly higher than every current version, compared on the
 * first three parts: the platform only loads a new bundle when the control's (three-part) version rises.
 * @param {Record<string, string>} current where → version, e.g. { "ControlManifest.Input.xml": "1.0.0" }
 * @param {string} next
 */
function assertVersionIncrease(current, next) {
    const control = controlVersionOf(next);
    for (const [where, version] of Object.entries(current)) {
        if (compareVersions(control, controlVersionOf(version)) <= 0) {
            throw new Error(
                `Refusing version ${next}: it is not higher than ${version} in ${where}. ` +
                    "The platform only picks up a new bundle when the control's version rises.",
            );
        }
    }
}

// ---------------------------------------------------------------- XML reading

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) =>
        ["LocalizedName", "Description", "RootComponent", "Language", "CustomControl", "property", "Default", "Override"].includes(
            name,
        ) || FILE_RESOURCE_KINDS.includes(name),
});

/**
 * The first well-formedness error a strict XML 1.0 parser (saxes, namespace-aware) finds in `xml`, or undefined.
 * Dataverse reads imports with .NET's strict reader: fast-xml-parser lets through what it refuses (`--` in a comment, a bare `&`).
 * @param {string} xml
 * @returns {{ line: number; column: number; reason: string } | undefined}
 */
function xmlProblem(xml) {
    const parser = new SaxesParser({ xmlns: true });
    /** @type {{ line: number; column: number; reason: string } | undefined} */
    let first;
    parser.on("error", (err) => {
        first ??= { line: parser.line, column: parser.column, reason: err.message.replace(/^\d+:\d+: /, "") };
    });
    const text = xml.replace(/^\uFEFF/, "");
    parser.write(text).close();
    const bare = first && bareAmpersand(text);
    return bare && (bare.line < first.line || (bare.line === first.line && bare.column < first.column)) ? bare : first;
}

/**
 * Where a bare `&` is: saxes reads a reference up to the next `;` and so reports one far after it.
 * @param {string} xml
 */
function bareAmpersand(xml) {
    const masked = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, " "));
    const match = /&(?!(?:[A-Za-z_:][\w.:-]*|#\d+|#x[0-9a-fA-F]+);)/.exec(masked);
    if (!match) return undefined;
    const lines = xml.slice(0, match.index).split("\n");
    return { line: lines.length, column: lines[lines.length - 1].length + 1, reason: "& that starts no reference (write &amp;)." };
}

/**
 * Throws naming `what`, the line, the column and the parser's reason when `xml` is not well-formed.
 * @param {string} xml
 * @param {string} what name used in the message
 */
function assertWellFormed(xml, what) {
    const problem = xmlProblem(xml);
    if (problem) throw new Error(`${what} is not well-formed XML: line ${problem.line}, column ${problem.column}: ${problem.reason}`);
}

/**
 * Throws on the first XML or resx entry, of any of the zips, that is not well-formed: checked before any zip is written.
 * @param {Map<string, Map<string, Buffer>>} zips zip file name → entry name → bytes
 */
function assertEntriesWellFormed(zips) {
    for (const [zip, entries] of zips) {
        for (const [name, data] of entries) {
            if (/\.(xml|resx)$/i.test(name)) assertWellFormed(data.toString("utf8"), `${zip}: ${name}`);
        }
    }
}

/**
 * @param {string} xml
 * @param {string} what
 * @returns {any}
 */
function parseXml(xml, what) {
    assertWellFormed(xml, what);
    return parser.parse(xml);
}

/**
 * Reads the publisher, unique name and version from src/Other/Solution.xml (where they are written once).
 * @param {string} solutionXml
 */
function readSolutionInfo(solutionXml) {
    const doc = parseXml(solutionXml, "Solution.xml");
    const manifest = doc?.ImportExportXml?.SolutionManifest;
    if (!manifest) throw new Error("Solution.xml has no ImportExportXml/SolutionManifest");
    const publisher = manifest.Publisher;
    if (!publisher) throw new Error("Solution.xml has no Publisher");
    const firstName = (/** @type {any} */ node) => node?.LocalizedName?.[0]?.["@_description"] ?? "";
    const info = {
        uniqueName: String(manifest.UniqueName ?? ""),
        displayName: firstName(manifest.LocalizedNames),
        version: String(manifest.Version ?? ""),
        managed: String(manifest.Managed ?? ""),
        publisher: {
            uniqueName: String(publisher.UniqueName ?? ""),
            displayName: firstName(publisher.LocalizedNames),
            prefix: String(publisher.CustomizationPrefix ?? ""),
            optionValuePrefix: String(publisher.CustomizationOptionValuePrefix ?? ""),
        },
    };
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(info.uniqueName)) throw new Error(`Solution.xml UniqueName "${info.uniqueName}" is not valid`);
    if (!/^[a-z][a-z0-9]{1,7}$/.test(info.publisher.prefix)) {
        throw new Error(`Solution.xml CustomizationPrefix "${info.publisher.prefix}" must be 2-8 lowercase letters/digits`);
    }
    if (!/^\d{5}$/.test(info.publisher.optionValuePrefix) || Number(info.publisher.optionValuePrefix) < 10000) {
        throw new Error(`Solution.xml CustomizationOptionValuePrefix "${info.publisher.optionValuePrefix}" must be 10000-99999`);
    }
    if (!info.version) throw new Error("Solution.xml has no Version");
    return info;
}

/**
 * Reads namespace, constructor, version and the files named under <resources> from a control manifest
 * (ControlManifest.Input.xml or the compiled ControlManifest.xml).
 * @param {string} manifestXml
 */
function readControlInfo(manifestXml) {
    const doc = parseXml(manifestXml, "control manifest");
    const control = doc?.manifest?.control;
    if (!control) throw new Error("control manifest has no manifest/control element");
    /** @type {{ kind: string; path: string }[]} */
    const resources = [];
    const res = control.resources ?? {};
    for (const kind of FILE_RESOURCE_KINDS) {
        for (const item of res[kind] ?? []) {
            const p = item?.["@_path"];
            if (p) resources.push({ kind, path: normalizeEntryPath(p) });
        }
    }
    return {
        namespace: String(control["@_namespace"] ?? ""),
        constructorName: String(control["@_constructor"] ?? ""),
        version: String(control["@_version"] ?? ""),
        controlType: String(control["@_control-type"] ?? ""),
        displayNameKey: String(control["@_display-name-key"] ?? ""),
        descriptionKey: String(control["@_description-key"] ?? ""),
        resources,
    };
}

// ---------------------------------------------------------------- names and entries

/**
 * @param {string} p
 */
function normalizeEntryPath(p) {
    return String(p).replace(/\\/g, "/").replace(/^\.\//, "").replace(/^\/+/, "");
}

/**
 * Schema name of the control in the solution: `<prefix>_<namespace>.<constructor>`.
 * @param {string} prefix
 * @param {string} namespace
 * @param {string} constructorName
 */
function controlSchemaName(prefix, namespace, constructorName) {
    return `${prefix}_${namespace}.${constructorName}`;
}

/**
 * Files of the control folder, relative to it: the compiled manifest and every file it names (plus `extra`, such as
 * the licence notice), in ordinal order of their paths as pac lists the folder (so ControlManifest.xml comes first).
 * @param {{ resources: { path: string }[] }} compiledControl
 * @param {string[]} [extra]
 * @returns {string[]}
 */
function controlFiles(compiledControl, extra = []) {
    const files = new Set(["ControlManifest.xml", ...compiledControl.resources.map((r) => r.path), ...extra]);
    return [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Every entry of the solution zip, in the order they are written. Forward slashes only.
 * @param {string} schemaName
 * @param {string[]} files control files relative to the control folder
 * @returns {string[]}
 */
function zipEntryNames(schemaName, files) {
    return ["customizations.xml", "solution.xml", ...files.map((f) => `Controls/${schemaName}/${normalizeEntryPath(f)}`), "[Content_Types].xml"];
}

/**
 * File names of the two zips: `<UniqueName>_<major>_<minor>_<patch>_<revision>[_managed].zip`, as Dataverse names exports.
 * @param {string} uniqueName
 * @param {string} version
 */
function zipFileNames(uniqueName, version) {
    const v = solutionVersion(version).split(".").join("_");
    return { unmanaged: `${uniqueName}_${v}.zip`, managed: `${uniqueName}_${v}_managed.zip` };
}

// ---------------------------------------------------------------- XML composition

/**
 * @param {string} s
 */
function escapeXml(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Replaces the first `<tag/>`, `<tag />` or `<tag>…</tag>` (no nested same-name tag) with `replacement`.
 * @param {string} xml
 * @param {string} tag
 * @param {string} replacement
 */
function replaceElement(xml, tag, replacement) {
    const re = new RegExp(`<${tag}(\\s[^>]*?)?\\s*/>|<${tag}(\\s[^>]*)?>[\\s\\S]*?</${tag}>`);
    if (!re.test(xml)) throw new Error(`no <${tag}> element to replace`);
    return xml.replace(re, () => replacement);
}

/**
 * @param {string} xml
 */
function stripComments(xml) {
    return xml.replace(/[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n?/g, "");
}

/**
 * A language code from a resx path named `<Name>.<lcid>.resx` (the convention the manifest's resx files follow).
 * @param {string} resxPath
 * @returns {number | undefined}
 */
function resxLanguage(resxPath) {
    const m = /\.(\d{4,5})\.resx$/i.exec(resxPath);
    return m ? Number(m[1]) : undefined;
}

/**
 * The value of `key` in a resx file's text, unescaped; undefined when absent.
 * @param {string} resxXml
 * @param {string} key
 * @param {string} [what] the file's name, for the message when it is not well-formed
 */
function resxValue(resxXml, key, what = "resx") {
    const doc = parseXml(resxXml, what);
    const data = doc?.root?.data;
    const items = Array.isArray(data) ? data : data ? [data] : [];
    const item = items.find((d) => d?.["@_name"] === key);
    return item === undefined ? undefined : String(item.value ?? "");
}

/**
 * Replaces the `<tag>` list of `<item description=… languagecode=…/>` children inside the first `<parent>`:
 * the source's entries first, then one per language the source lacks, from `texts`.
 * @param {string} xml
 * @param {string} parent LocalizedNames or Descriptions
 * @param {string} tag LocalizedName or Description
 * @param {Map<number, string>} texts language → text, for languages the source does not name
 * @param {string} indent
 */
function fillLocalized(xml, parent, tag, texts, indent) {
    const re = new RegExp(`<${parent}>([\\s\\S]*?)</${parent}>|<${parent}\\s*/>`);
    const match = re.exec(xml);
    if (!match) throw new Error(`solution.xml: no <${parent}> in <SolutionManifest>`);
    const inner = match[1] ?? "";
    const present = new Set([...inner.matchAll(new RegExp(`<${tag}\\b[^>]*\\slanguagecode="(\\d+)"`, "g"))].map((m) => Number(m[1])));
    const added = [...texts].filter(([lcid]) => !present.has(lcid)).map(([lcid, text]) => `${indent}  <${tag} description="${escapeXml(text)}" languagecode="${lcid}" />`);
    if (added.length === 0) return xml;
    // The source's own entries stay; the other languages follow.
    const kept = inner.replace(/\s+$/, "");
    const body = [...(kept.trim() ? [kept.replace(/^\r?\n/, "")] : []), ...added].join("\n");
    return xml.slice(0, match.index) + `<${parent}>\n${body}\n${indent}</${parent}>` + xml.slice(match.index + match[0].length);
}

/**
 * solution.xml for the zip: the source Solution.xml without its comments (an export from Dataverse has none), with `generatedBy="CrmLive"`, a four-part `Version`, `Managed`
 * set, the control as root component, and the solution's name and description in every language the control ships
 * (the source's own entries win; the other languages take the control's display name and description from their resx).
 * @param {string} sourceXml contents of src/Other/Solution.xml
 * @param {{ managed: boolean; schemaName: string; names?: Map<number, string>; descriptions?: Map<number, string> }} options
 */
function composeSolutionXml(sourceXml, { managed, schemaName, names = new Map(), descriptions = new Map() }) {
    let xml = stripComments(sourceXml);
    xml = xml.replace(/(<ImportExportXml\b[^>]*?\sgeneratedBy=")[^"]*(")/, `$1${GENERATED_BY}$2`);
    if (!xml.includes(`generatedBy="${GENERATED_BY}"`)) xml = xml.replace(/<ImportExportXml\b/, `<ImportExportXml generatedBy="${GENERATED_BY}"`);
    xml = setSolutionVersion(xml, solutionVersion(readSolutionVersion(xml)));
    xml = replaceElement(xml, "Managed", `<Managed>${managed ? 1 : 0}</Managed>`);
    xml = replaceElement(
        xml,
        "RootComponents",
        `<RootComponents>\n      <RootComponent type="${CUSTOM_CONTROL_COMPONENT_TYPE}" schemaName="${escapeXml(schemaName)}" behavior="0" />\n    </RootComponents>`,
    );
    // Only the solution's own names: the Publisher's block comes after <Version>.
    const publisherAt = xml.indexOf("<Publisher>");
    const head = fillLocalized(fillLocalized(xml.slice(0, publisherAt), "LocalizedNames", "LocalizedName", names, "    "), "Descriptions", "Description", descriptions, "    ");
    xml = head + xml.slice(publisherAt);
    assertWellFormed(xml, "solution.xml");
    return xml;
}

/**
 * customizations.xml for the zip: the source Customizations.xml without its comments, with the CustomControl entry, the languages the
 * control ships, and the relationships of src/Other/Relationships.xml (if any) inside <EntityRelationships>,
 * as SolutionPackager merges them.
 * @param {string} sourceXml contents of src/Other/Customizations.xml
 * @param {{ schemaName: string; relationshipsXml?: string; languages: number[] }} options
 */
function composeCustomizationsXml(sourceXml, { schemaName, relationshipsXml, languages }) {
    let xml = stripComments(sourceXml);
    if (relationshipsXml !== undefined) {
        assertWellFormed(relationshipsXml, "Relationships.xml");
        const inner = /<EntityRelationships\b[^>]*?(?<!\/)>([\s\S]*)<\/EntityRelationships>/.exec(stripComments(relationshipsXml));
        if (inner && inner[1].trim()) {
            xml = replaceElement(xml, "EntityRelationships", `<EntityRelationships>${inner[1]}</EntityRelationships>`);
        }
    }
    const name = escapeXml(schemaName);
    xml = replaceElement(
        xml,
        "CustomControls",
        `<CustomControls>\n    <CustomControl>\n      <Name>${name}</Name>\n      <FileName>/Controls/${name}/ControlManifest.xml</FileName>\n    </CustomControl>\n  </CustomControls>`,
    );
    if (languages.length === 0) throw new Error("customizations.xml: the control ships no language");
    xml = replaceElement(xml, "Languages", `<Languages>\n${languages.map((l) => `    <Language>${l}</Language>`).join("\n")}\n  </Languages>`);
    assertWellFormed(xml, "customizations.xml");
    return xml;
}

/**
 * [Content_Types].xml: a Default for exactly the extensions present, and an Override per ControlManifest.xml.
 * @param {string[]} entryNames every entry of the zip
 */
function composeContentTypesXml(entryNames) {
    const extensions = new Set();
    for (const name of entryNames) {
        const base = name.split("/").pop() ?? "";
        const dot = base.lastIndexOf(".");
        if (dot > 0) extensions.add(base.slice(dot + 1).toLowerCase());
    }
    const parts = [`<?xml version="1.0" encoding="utf-8"?>`, `<Types xmlns="${CONTENT_TYPES_NS}">`];
    for (const ext of extensions) parts.push(`<Default Extension="${escapeXml(ext)}" ContentType="${contentTypeOf(ext)}" />`);
    for (const name of entryNames) {
        if (name.startsWith("Controls/") && name.endsWith("/ControlManifest.xml")) {
            parts.push(`<Override PartName="/${escapeXml(name)}" ContentType="application/octet-stream" />`);
        }
    }
    parts.push("</Types>");
    return parts.join("");
}

/**
 * The bytes of a solution-level XML file as pac writes them: UTF-8 with a BOM, CRLF line ends.
 * @param {string} xml
 */
function pacXmlBytes(xml) {
    return Buffer.from("\uFEFF" + xml.replace(/^\uFEFF/, "").replace(/\r?\n/g, "\r\n"), "utf8");
}

/**
 * Why `dotnet build` of the .cdsproj failed, in one phrase, and its distinct error lines. A restore error (NU1xxx)
 * or an error naming Microsoft.PowerApps.MSBuild means the Power Apps build packages could not be restored.
 * @param {number} code
 * @param {string} output
 */
function dotnetFailure(code, output) {
    const errors = [...new Set(output.split(/\r?\n/).filter((l) => /\berror [A-Z]+\d+/.test(l)).map((l) => l.trim()))];
    const restore = errors.some((e) => /\berror NU1\d{3}\b/.test(e) || /Microsoft\.PowerApps\.MSBuild/.test(e));
    const why = restore
        ? "the Power Apps build packages (Microsoft.PowerApps.MSBuild.Solution / .Pcf) could not be restored from NuGet"
        : `dotnet build exited with ${code}`;
    return { why, errors };
}

// ---------------------------------------------------------------- version setting (text edits)

/**
 * Sets the `version` attribute of the manifest's <control> element only (not the resx versions).
 * @param {string} manifestXml
 * @param {string} version
 */
function setControlManifestVersion(manifestXml, version) {
    const re = /(<control\b[^>]*?\sversion=")([^"]*)(")/;
    if (!re.test(manifestXml)) throw new Error("ControlManifest.Input.xml: no version attribute on <control>");
    return manifestXml.replace(re, (_m, a, _v, c) => `${a}${version}${c}`);
}

/**
 * Sets <Version> inside <SolutionManifest> (the first one; Publisher has none).
 * @param {string} solutionXml
 * @param {string} version
 */
function setSolutionVersion(solutionXml, version) {
    const re = /(<SolutionManifest\b[\s\S]*?<Version>)([^<]*)(<\/Version>)/;
    if (!re.test(solutionXml)) throw new Error("Solution.xml: no <Version> in <SolutionManifest>");
    return solutionXml.replace(re, (_m, a, _v, c) => `${a}${version}${c}`);
}

/**
 * Sets the top-level "version" of a package.json / package-lock.json text (and the lock's root package entry),
 * keeping every other byte.
 * @param {string} jsonText
 * @param {string} version
 */
function setPackageJsonVersion(jsonText, version) {
    const data = JSON.parse(jsonText);
    data.version = version;
    if (data.packages && data.packages[""]) data.packages[""].version = version;
    const indent = /^[ \t]+(?=")/m.exec(jsonText)?.[0] ?? "  ";
    const eol = jsonText.endsWith("\n") ? "\n" : "";
    return JSON.stringify(data, null, indent) + eol;
}

/**
 * @param {string} jsonText
 */
function readPackageJsonVersion(jsonText) {
    return String(JSON.parse(jsonText).version ?? "");
}

/**
 * @param {string} solutionXml
 */
function readSolutionVersion(solutionXml) {
    const m = /<SolutionManifest\b[\s\S]*?<Version>([^<]*)<\/Version>/.exec(solutionXml);
    if (!m) throw new Error("Solution.xml: no <Version> in <SolutionManifest>");
    return m[1].trim();
}

module.exports = {
    CUSTOM_CONTROL_COMPONENT_TYPE,
    CONTENT_TYPES_NS,
    GENERATED_BY,
    solutionVersion,
    controlVersionOf,
    compareVersions,
    assertVersionIncrease,
    xmlProblem,
    assertWellFormed,
    assertEntriesWellFormed,
    parseXml,
    readSolutionInfo,
    readControlInfo,
    normalizeEntryPath,
    controlSchemaName,
    controlFiles,
    zipEntryNames,
    zipFileNames,
    composeSolutionXml,
    composeCustomizationsXml,
    composeContentTypesXml,
    pacXmlBytes,
    resxLanguage,
    resxValue,
    dotnetFailure,
    setControlManifestVersion,
    setSolutionVersion,
    setPackageJsonVersion,
    readPackageJsonVersion,
    readSolutionVersion,
};
