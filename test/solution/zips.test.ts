/**
 * Opens the zips that `npm run solution` wrote with an independent reader (yauzl, test/solution/readZip.ts; the
 * packer writes with its own zlib-based writer) and checks every entry's header and content against the sources and
 * the production build. Run with `npm run test:solution` (it packs first). The expectations are derived here from the
 * files themselves (Solution.xml, ControlManifest.Input.xml, strings/, out/controls), not from the packer's functions.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import * as zlib from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { SaxesParser } from "saxes";
import { projectPaths } from "../../scripts/solution/project.cjs";
import { readZip, type ZipEntry } from "./readZip";

type XmlNode = Record<string, unknown>;
const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    isArray: (name) =>
        ["RootComponent", "CustomControl", "Language", "Default", "Override", "property", "resx", "css", "img", "html", "code", "platform-library", "LocalizedName", "Description", "data"].includes(name),
});
const parse = (xml: string): XmlNode => parser.parse(xml) as XmlNode;
const at = (node: unknown, ...keys: (string | number)[]): unknown =>
    keys.reduce<unknown>((n, k) => (n != null && typeof n === "object" ? (n as Record<string | number, unknown>)[k] : undefined), node);
const str = (node: unknown, ...keys: (string | number)[]): string => {
    const v = at(node, ...keys);
    return typeof v === "string" || typeof v === "number" ? String(v) : "";
};
const list = (node: unknown, ...keys: (string | number)[]): unknown[] => {
    const v = at(node, ...keys);
    return Array.isArray(v) ? v : [];
};
const localized = (node: unknown, tag: string): Record<string, string> =>
    Object.fromEntries(list(node, tag).map((n) => [str(n, "@_languagecode"), str(n, "@_description")]));

/** Errors of saxes, a conformant XML 1.0 parser, as strict as the .NET reader Dataverse imports with. */
const strictErrors = (xml: string): string[] => {
    const errors: string[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (err) => errors.push(err.message));
    parser.write(xml.replace(/^\uFEFF/, "")).close();
    return errors;
};

const paths = projectPaths();
const read = (file: string): string => fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");

// ---- what the sources say
const solutionSource = parse(read(paths.solutionXml));
const sourceManifest = at(solutionSource, "ImportExportXml", "SolutionManifest");
const uniqueName = str(sourceManifest, "UniqueName");
const solutionVersion = str(sourceManifest, "Version");
const publisher = at(sourceManifest, "Publisher");
const prefix = str(publisher, "CustomizationPrefix");
const baseLanguage = str(solutionSource, "ImportExportXml", "@_languagecode");

const inputManifest = parse(read(paths.inputManifest));
const control = at(inputManifest, "manifest", "control");
const namespace = str(control, "@_namespace");
const ctor = str(control, "@_constructor");
const controlVersion = str(control, "@_version");
const inputProperties = list(control, "property").map((p) => str(p, "@_name"));
const resxPaths = list(control, "resources", "resx").map((r) => str(r, "@_path").replace(/\\/g, "/"));
const platformLibraries = list(control, "resources", "platform-library").map((l) => `${str(l, "@_name")} ${str(l, "@_version")}`);
const otherFiles = ["css", "img", "html"].flatMap((kind) => list(control, "resources", kind).map((r) => str(r, "@_path").replace(/\\/g, "/")));
/** The languages the control ships: one resx per language, named <Name>.<lcid>.resx. */
const languages = resxPaths.map((p) => /\.(\d+)\.resx$/.exec(p)?.[1] ?? `unnamed language: ${p}`);
const resxText = (resx: string, key: string): string => {
    const doc = parse(read(path.join(paths.root, ...resx.split("/"))));
    return str(list(doc, "root", "data").find((d) => str(d, "@_name") === key), "value");
};
/** The solution's expected name and description per language: Solution.xml's own, else the control's from that language's resx. */
const expectedNames: Record<string, string> = { ...Object.fromEntries(resxPaths.map((p, i) => [languages[i], resxText(p, str(control, "@_display-name-key"))])), ...localized(at(sourceManifest, "LocalizedNames"), "LocalizedName") };
const expectedDescriptions: Record<string, string> = { ...Object.fromEntries(resxPaths.map((p, i) => [languages[i], resxText(p, str(control, "@_description-key"))])), ...localized(at(sourceManifest, "Descriptions"), "Description") };

const schemaName = `${prefix}_${namespace}.${ctor}`;
const controlDir = `Controls/${schemaName}`;
const versionForFile = solutionVersion.split(".").join("_");
const zipFiles = {
    unmanaged: path.join(paths.distDir, `${uniqueName}_${versionForFile}.zip`),
    managed: path.join(paths.distDir, `${uniqueName}_${versionForFile}_managed.zip`),
};
const licenceFile = path.join(paths.outControls, "bundle.js.LICENSE.txt");
const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** In pac's order: customizations, solution, the control's files in ordinal order of their paths, [Content_Types].xml last. */
const expectedEntries = [
    "customizations.xml",
    "solution.xml",
    ...["ControlManifest.xml", "bundle.js", ...otherFiles, ...resxPaths, ...(fs.existsSync(licenceFile) ? ["bundle.js.LICENSE.txt"] : [])]
        .sort(ordinal)
        .map((f) => `${controlDir}/${f}`),
    "[Content_Types].xml",
];

describe("solution sources", () => {
    it("write the publisher, unique name and version once, in Solution.xml", () => {
        expect(uniqueName).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(prefix).toMatch(/^[a-z][a-z0-9]{1,7}$/);
        expect(str(solutionSource, "ImportExportXml", "SolutionManifest", "Publisher", "UniqueName")).not.toBe("");
        expect(str(solutionSource, "ImportExportXml", "SolutionManifest", "Publisher", "CustomizationOptionValuePrefix")).toMatch(/^[1-9]\d{4}$/);
        expect(solutionVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        expect(solutionVersion.split(".").slice(0, 3).join(".")).toBe(controlVersion);
        expect(str(solutionSource, "ImportExportXml", "@_generatedBy")).toBe("CrmLive");
    });

    it("have the .cdsproj referencing the control's .pcfproj with SolutionPackageType Both", () => {
        const cdsproj = read(paths.cdsproj);
        expect(XMLValidator.validate(cdsproj)).toBe(true);
        expect(cdsproj).toMatch(/<SolutionPackageType>Both<\/SolutionPackageType>/);
        expect(cdsproj).toMatch(/<PackageReference Include="Microsoft\.PowerApps\.MSBuild\.Solution"/);
        const ref = /<ProjectReference Include="([^"]+\.pcfproj)"/.exec(cdsproj)?.[1];
        expect(ref).toBeDefined();
        expect(fs.existsSync(path.resolve(paths.solutionDir, (ref ?? "").replace(/\\/g, "/")))).toBe(true);
        for (const f of [paths.customizationsXml, paths.relationshipsXml]) expect(XMLValidator.validate(read(f))).toBe(true);
    });

    it("are all well-formed for a strict XML reader: manifest, resx, solution files, projects", () => {
        const strings = fs.readdirSync(path.join(paths.root, "strings")).filter((f) => f.endsWith(".resx")).map((f) => path.join(paths.root, "strings", f));
        const files = [paths.inputManifest, paths.solutionXml, paths.customizationsXml, paths.relationshipsXml, paths.cdsproj, path.join(paths.root, "ConversationList.pcfproj"), ...strings];
        expect(strings).toHaveLength(12);
        for (const f of files) expect({ file: path.relative(paths.root, f), errors: strictErrors(read(f)) }).toEqual({ file: path.relative(paths.root, f), errors: [] });
    });
});

describe.each([
    ["unmanaged", false],
    ["managed", true],
] as const)("the %s solution zip", (kind, managed) => {
    const file = zipFiles[kind];
    let entries: ZipEntry[];
    const entry = (name: string): ZipEntry => {
        const e = entries.find((x) => x.name === name);
        if (!e) throw new Error(`${path.basename(file)} has no entry ${name}`);
        return e;
    };
    const text = (name: string): string => entry(name).data.toString("utf8").replace(/^\uFEFF/, "");

    beforeAll(async () => {
        if (!fs.existsSync(file)) {
            throw new Error(`Missing ${path.relative(paths.root, file)}: run \`npm run solution\` first (\`npm run test:solution\` does both).`);
        }
        entries = await readZip(fs.readFileSync(file));
    });

    it("is named <UniqueName>_<four-part version>[_managed].zip", () => {
        expect(path.basename(file)).toBe(`${uniqueName}_${versionForFile}${managed ? "_managed" : ""}.zip`);
        expect(versionForFile.split("_")).toHaveLength(4);
    });

    it("holds exactly the expected entries in pac's order, [Content_Types].xml last, no folders", () => {
        expect(entries.map((e) => e.name)).toEqual(expectedEntries);
    });

    it("writes every entry's headers as pac does: deflated, version 2.0 to extract, no extras, sizes and CRC true", () => {
        const built = fs.statSync(path.join(paths.outControls, "bundle.js")).mtime;
        for (const e of entries) {
            const where = `${e.name}: `;
            expect(where + e.method).toBe(where + 8);
            expect(where + e.versionNeeded).toBe(where + 20);
            expect(where + (e.versionMadeBy & 0xff)).toBe(where + 20);
            expect(where + (e.versionMadeBy >> 8)).toBe(where + 0); // MS-DOS / Windows
            expect(where + e.flags).toBe(where + 0x0800); // UTF-8 names (as pac marks every entry); no encryption, no data descriptor
            expect(where + e.extraFieldLength).toBe(where + 0);
            expect(where + e.externalAttributes).toBe(where + 0);
            expect(e.size).toBe(e.data.length);
            expect(e.crc32).toBe(zlib.crc32(e.data) >>> 0);
            expect(e.local).toEqual({
                versionNeeded: e.versionNeeded,
                flags: e.flags,
                method: e.method,
                crc32: e.crc32,
                compressedSize: e.compressedSize,
                size: e.size,
                nameLength: Buffer.byteLength(e.name),
                extraLength: 0,
            });
            expect(Math.abs(e.modified.getTime() - built.getTime())).toBeLessThanOrEqual(2000); // DOS time: 2 s steps
        }
    });

    it("writes the solution-level XML with a UTF-8 BOM and CRLF line ends", () => {
        for (const name of ["customizations.xml", "solution.xml", "[Content_Types].xml"]) {
            const bytes = entry(name).data;
            expect(`${name} ${[...bytes.subarray(0, 3)].join(",")}`).toBe(`${name} 239,187,191`);
            const body = bytes.subarray(3).toString("utf8");
            expect(`${name} ${/(^|[^\r])\n/.test(body)}`).toBe(`${name} false`);
            expect(body.startsWith("<?xml")).toBe(true);
        }
    });

    it("has only XML a strict reader accepts, and no comments in the solution-level files", () => {
        const xmlNames = entries.map((e) => e.name).filter((n) => /\.(xml|resx)$/i.test(n));
        expect(xmlNames).toEqual(["customizations.xml", "solution.xml", `${controlDir}/ControlManifest.xml`, ...[...resxPaths].sort(ordinal).map((r) => `${controlDir}/${r}`), "[Content_Types].xml"]);
        for (const name of xmlNames) expect({ name, errors: strictErrors(text(name)) }).toEqual({ name, errors: [] });
        for (const name of ["customizations.xml", "solution.xml", "[Content_Types].xml"]) expect({ name, comment: text(name).includes("<!--") }).toEqual({ name, comment: false });
    });

    it(`has solution.xml naming the solution, its version, publisher, languages, Managed ${managed ? 1 : 0} and the control`, () => {
        const doc = parse(text("solution.xml"));
        expect(str(doc, "ImportExportXml", "@_generatedBy")).toBe("CrmLive");
        expect(str(doc, "ImportExportXml", "@_languagecode")).toBe(baseLanguage);
        const manifest = at(doc, "ImportExportXml", "SolutionManifest");
        expect(str(manifest, "UniqueName")).toBe(uniqueName);
        expect(str(manifest, "Version")).toBe(solutionVersion);
        expect(str(manifest, "Managed")).toBe(managed ? "1" : "0");
        expect(localized(at(manifest, "LocalizedNames"), "LocalizedName")).toEqual(expectedNames);
        expect(localized(at(manifest, "Descriptions"), "Description")).toEqual(expectedDescriptions);
        expect(Object.keys(expectedNames).sort()).toEqual([...languages].sort());
        for (const lcid of languages) expect(`${lcid}: ${expectedNames[lcid]}`).toMatch(/^\d+: \S/);
        const p = at(manifest, "Publisher");
        expect(str(p, "UniqueName")).toBe(str(publisher, "UniqueName"));
        expect(str(p, "CustomizationPrefix")).toBe(prefix);
        expect(str(p, "CustomizationOptionValuePrefix")).toBe(str(publisher, "CustomizationOptionValuePrefix"));
        expect(localized(at(p, "LocalizedNames"), "LocalizedName")).toEqual(localized(at(publisher, "LocalizedNames"), "LocalizedName"));
        const roots = list(manifest, "RootComponents", "RootComponent");
        expect(roots).toHaveLength(1);
        expect(str(roots[0], "@_type")).toBe("66");
        expect(str(roots[0], "@_schemaName")).toBe(schemaName);
        expect(str(roots[0], "@_behavior")).toBe("0");
    });

    it("has customizations.xml with the CustomControl entry and every language the control ships", () => {
        const doc = at(parse(text("customizations.xml")), "ImportExportXml");
        const controls = list(doc, "CustomControls", "CustomControl");
        expect(controls).toHaveLength(1);
        expect(str(controls[0], "Name")).toBe(schemaName);
        expect(str(controls[0], "FileName")).toBe(`/${controlDir}/ControlManifest.xml`);
        expect(list(doc, "Languages", "Language").map(String)).toEqual(languages);
        expect(languages).toContain(baseLanguage);
    });

    it("has [Content_Types].xml declaring exactly the extensions present and overriding the control manifest", () => {
        const types = at(parse(text("[Content_Types].xml")), "Types");
        expect(str(types, "@_xmlns")).toBe("http://schemas.openxmlformats.org/package/2006/content-types");
        const defaults = Object.fromEntries(list(types, "Default").map((d) => [str(d, "@_Extension"), str(d, "@_ContentType")]));
        const present = [...new Set(entries.map((e) => e.name.split(".").pop() ?? ""))].sort();
        expect(Object.keys(defaults).sort()).toEqual(present);
        for (const [ext, type] of Object.entries(defaults)) expect(`${ext} ${type}`).toBe(`${ext} ${ext === "xml" ? "text/xml" : "application/octet-stream"}`);
        expect(list(types, "Override").map((o) => str(o, "@_PartName"))).toEqual([`/${controlDir}/ControlManifest.xml`]);
    });

    it("has the compiled ControlManifest.xml: this control and version, its resx files and platform libraries", () => {
        const manifestXml = text(`${controlDir}/ControlManifest.xml`);
        expect(manifestXml).toBe(read(path.join(paths.outControls, "ControlManifest.xml")));
        const c = at(parse(manifestXml), "manifest", "control");
        expect(str(c, "@_namespace")).toBe(namespace);
        expect(str(c, "@_constructor")).toBe(ctor);
        expect(str(c, "@_version")).toBe(controlVersion);
        expect(str(c, "@_control-type")).toBe("virtual");
        expect(str(c, "@_api-version")).toMatch(/^\d+\.\d+\.\d+$/);
        expect(list(c, "resources", "code").map((r) => str(r, "@_path"))).toEqual(["bundle.js"]);
        expect(list(c, "resources", "resx").map((r) => str(r, "@_path").replace(/\\/g, "/"))).toEqual(resxPaths);
        expect(list(c, "resources", "platform-library").map((l) => `${str(l, "@_name")} ${str(l, "@_version")}`)).toEqual(platformLibraries);
        expect(platformLibraries.map((l) => l.split(" ")[0]).sort()).toEqual(["Fluent", "React"]);
        expect(list(c, "property").map((p) => str(p, "@_name"))).toEqual(inputProperties);
    });

    it("has the production bundle and its licence notice, as built", () => {
        const bundle = entry(`${controlDir}/bundle.js`).data;
        expect(bundle.equals(fs.readFileSync(path.join(paths.outControls, "bundle.js")))).toBe(true);
        const js = bundle.toString("utf8");
        expect(js).not.toMatch(/The "eval" devtool has been used/);
        expect(js).not.toMatch(/sourceMappingURL/);
        expect(js.length / js.split("\n").length).toBeGreaterThan(200); // minified: few, long lines
        const info = JSON.parse(fs.readFileSync(path.join(paths.distDir, "build-info.json"), "utf8")) as { buildMode: string; bundleSha256: string };
        expect(info.buildMode).toBe("production");
        expect(crypto.createHash("sha256").update(bundle).digest("hex")).toBe(info.bundleSha256);
        if (fs.existsSync(licenceFile)) expect(entry(`${controlDir}/bundle.js.LICENSE.txt`).data.equals(fs.readFileSync(licenceFile))).toBe(true);
    });

    it("has every resx file the manifest names, as built", () => {
        const inStrings = fs.readdirSync(path.join(paths.root, "strings")).filter((f) => f.endsWith(".resx")).map((f) => `strings/${f}`);
        expect([...resxPaths].sort(ordinal)).toEqual(inStrings.sort(ordinal));
        for (const resx of resxPaths) {
            expect(entry(`${controlDir}/${resx}`).data.equals(fs.readFileSync(path.join(paths.outControls, ...resx.split("/"))))).toBe(true);
        }
    });
});

describe("the two zips", () => {
    it("differ only in solution.xml's Managed flag", async () => {
        for (const f of Object.values(zipFiles)) {
            if (!fs.existsSync(f)) throw new Error(`Missing ${path.relative(paths.root, f)}: run \`npm run solution\` first.`);
        }
        const [u, m] = await Promise.all(Object.values(zipFiles).map((f) => readZip(fs.readFileSync(f))));
        expect(u.map((e) => e.name)).toEqual(m.map((e) => e.name));
        u.forEach((a, i) => {
            const [x, y] = [a.data.toString("utf8"), m[i].data.toString("utf8")];
            if (a.name === "solution.xml") expect(x.replace("<Managed>0</Managed>", "<Managed>1</Managed>")).toBe(y);
            else expect(x).toBe(y);
        });
    });
});
