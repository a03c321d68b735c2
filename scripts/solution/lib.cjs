"use strict";
/**
 * Pure parts of the solution packer and the version setter: no file system, no processes.
 * CommonJS so that node runs it directly and jest can import it (types: lib.d.cts).
 *
 * The zip layout follows what Microsoft's tooling (pac / Microsoft.PowerApps.MSBuild.Solution) writes:
 *   [Content_Types].xml
 *   customizations.xml
 *   solution.xml
 *   Controls/<prefix>_<namespace>.<constructor>/ControlManifest.xml
 *   Controls/<prefix>_<namespace>.<constructor>/<every file the compiled manifest names>
 */
const { XMLParser, XMLValidator } = require("fast-xml-parser");

/** Component type of a custom control (PCF) in solution.xml RootComponents. */
const CUSTOM_CONTROL_COMPONENT_TYPE = 66;

const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

/** Default content types the official tooling writes, plus octet-stream for anything else. */
const DEFAULT_CONTENT_TYPES = [
    ["xml", "text/xml"],
    ["js", "application/octet-stream"],
    ["css", "application/octet-stream"],
    ["resx", "application/octet-stream"],
    ["txt", "application/octet-stream"],
];

/** Manifest resource elements that name a file shipped next to ControlManifest.xml. */
const FILE_RESOURCE_KINDS = ["code", "css", "resx", "img", "html"];

// ---------------------------------------------------------------- versions

const VERSION_RE = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * Parses "major.minor.patch" (the form a PCF manifest, package.json and our Solution.xml share).
 * @param {string} text
 * @returns {[number, number, number]}
 */
function parseVersion(text) {
    const match = VERSION_RE.exec(String(text).trim());
    if (!match) {
        throw new Error(`"${text}" is not a version of the form MAJOR.MINOR.PATCH (e.g. 1.0.1)`);
    }
    return [Number(match[1]), Number(match[2]), Number(match[3])];
}

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
 * Throws unless `next` is a valid MAJOR.MINOR.PATCH strictly higher than every current version.
 * The platform only loads a new bundle when the control's version rises.
 * @param {Record<string, string>} current where → version, e.g. { "ControlManifest.Input.xml": "1.0.0" }
 * @param {string} next
 */
function assertVersionIncrease(current, next) {
    parseVersion(next);
    for (const [where, version] of Object.entries(current)) {
        if (compareVersions(next, version) <= 0) {
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
 * Throws with the parser's message when `xml` is not well-formed.
 * @param {string} xml
 * @param {string} what name used in the message
 */
function assertWellFormed(xml, what) {
    const result = XMLValidator.validate(xml);
    if (result !== true) {
        throw new Error(`${what} is not well-formed XML: ${result.err.msg} (line ${result.err.line}, col ${result.err.col})`);
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
 * Files of the control folder, relative to it: the compiled manifest first, then every file it names.
 * @param {{ resources: { path: string }[] }} compiledControl
 * @returns {string[]}
 */
function controlFiles(compiledControl) {
    const files = ["ControlManifest.xml"];
    for (const r of compiledControl.resources) {
        if (!files.includes(r.path)) files.push(r.path);
    }
    return files;
}

/**
 * Every entry of the solution zip, in the order they are written. Forward slashes only.
 * @param {string} schemaName
 * @param {string[]} files control files relative to the control folder
 * @returns {string[]}
 */
function zipEntryNames(schemaName, files) {
    return [
        "[Content_Types].xml",
        "customizations.xml",
        "solution.xml",
        ...files.map((f) => `Controls/${schemaName}/${normalizeEntryPath(f)}`),
    ];
}

/**
 * File names of the two zips: `<UniqueName>_<major>_<minor>_<patch>[_managed].zip`, as Dataverse names exports.
 * @param {string} uniqueName
 * @param {string} version
 */
function zipFileNames(uniqueName, version) {
    const v = String(version).trim().split(".").join("_");
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
 * solution.xml for the zip: the source Solution.xml with `Managed` set and the control as root component.
 * @param {string} sourceXml contents of src/Other/Solution.xml
 * @param {{ managed: boolean; schemaName: string }} options
 */
function composeSolutionXml(sourceXml, { managed, schemaName }) {
    let xml = stripComments(sourceXml);
    xml = replaceElement(xml, "Managed", `<Managed>${managed ? 1 : 0}</Managed>`);
    xml = replaceElement(
        xml,
        "RootComponents",
        `<RootComponents>\n      <RootComponent type="${CUSTOM_CONTROL_COMPONENT_TYPE}" schemaName="${escapeXml(schemaName)}" behavior="0" />\n    </RootComponents>`,
    );
    assertWellFormed(xml, "solution.xml");
    return xml;
}

/**
 * customizations.xml for the zip: the source Customizations.xml with the CustomControl entry, and the
 * relationships of src/Other/Relationships.xml (if any) inside <EntityRelationships>, as SolutionPackager merges them.
 * Languages come from the source file.
 * @param {string} sourceXml contents of src/Other/Customizations.xml
 * @param {{ schemaName: string; relationshipsXml?: string }} options
 */
function composeCustomizationsXml(sourceXml, { schemaName, relationshipsXml }) {
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
    assertWellFormed(xml, "customizations.xml");
    return xml;
}

/**
 * [Content_Types].xml: a Default per extension and an Override per ControlManifest.xml.
 * @param {string[]} entryNames every entry of the zip
 */
function composeContentTypesXml(entryNames) {
    const defaults = new Map(DEFAULT_CONTENT_TYPES);
    for (const name of entryNames) {
        const base = name.split("/").pop() ?? "";
        const dot = base.lastIndexOf(".");
        if (dot > 0) {
            const ext = base.slice(dot + 1).toLowerCase();
            if (!defaults.has(ext)) defaults.set(ext, "application/octet-stream");
        }
    }
    const parts = [`<?xml version="1.0" encoding="utf-8"?>`, `<Types xmlns="${CONTENT_TYPES_NS}">`];
    for (const [ext, type] of defaults) parts.push(`<Default Extension="${escapeXml(ext)}" ContentType="${type}" />`);
    for (const name of entryNames) {
        if (name.startsWith("Controls/") && name.endsWith("/ControlManifest.xml")) {
            parts.push(`<Override PartName="/${escapeXml(name)}" ContentType="application/octet-stream" />`);
        }
    }
    parts.push("</Types>");
    return parts.join("");
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
    parseVersion,
    compareVersions,
    assertVersionIncrease,
    assertWellFormed,
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
    setControlManifestVersion,
    setSolutionVersion,
    setPackageJsonVersion,
    readPackageJsonVersion,
    readSolutionVersion,
};
