/**
 * Opens the zips that `npm run solution` wrote and checks them against the sources and the production build.
 * Run with `npm run test:solution` (it packs first). The expectations are derived here from the files themselves
 * (Solution.xml, ControlManifest.Input.xml, out/controls), not from the packer's own functions.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as crypto from "node:crypto";
import JSZip from "jszip";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { projectPaths } from "../../scripts/solution/project.cjs";

type XmlNode = Record<string, unknown>;
const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    isArray: (name) => ["RootComponent", "CustomControl", "Language", "Default", "Override", "property", "resx", "css", "img", "html", "code"].includes(name),
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

const paths = projectPaths();
const read = (file: string): string => fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");

// ---- what the sources say
const solutionSource = parse(read(paths.solutionXml));
const uniqueName = str(solutionSource, "ImportExportXml", "SolutionManifest", "UniqueName");
const solutionVersion = str(solutionSource, "ImportExportXml", "SolutionManifest", "Version");
const prefix = str(solutionSource, "ImportExportXml", "SolutionManifest", "Publisher", "CustomizationPrefix");
const baseLanguage = str(solutionSource, "ImportExportXml", "@_languagecode");

const inputManifest = parse(read(paths.inputManifest));
const control = at(inputManifest, "manifest", "control");
const namespace = str(control, "@_namespace");
const ctor = str(control, "@_constructor");
const controlVersion = str(control, "@_version");
const inputProperties = list(control, "property").map((p) => str(p, "@_name"));
const resxPaths = list(control, "resources", "resx").map((r) => str(r, "@_path").replace(/\\/g, "/"));
const otherFiles = ["css", "img", "html"].flatMap((kind) => list(control, "resources", kind).map((r) => str(r, "@_path").replace(/\\/g, "/")));

const schemaName = `${prefix}_${namespace}.${ctor}`;
const controlDir = `Controls/${schemaName}`;
const versionForFile = solutionVersion.split(".").join("_");
const zipFiles = {
    unmanaged: path.join(paths.distDir, `${uniqueName}_${versionForFile}.zip`),
    managed: path.join(paths.distDir, `${uniqueName}_${versionForFile}_managed.zip`),
};
const expectedEntries = [
    "[Content_Types].xml",
    "customizations.xml",
    "solution.xml",
    `${controlDir}/ControlManifest.xml`,
    `${controlDir}/bundle.js`,
    ...resxPaths.map((p) => `${controlDir}/${p}`),
    ...otherFiles.map((p) => `${controlDir}/${p}`),
].sort();

describe("solution sources", () => {
    it("write the publisher, unique name and version once, in Solution.xml", () => {
        expect(uniqueName).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(prefix).toMatch(/^[a-z][a-z0-9]{1,7}$/);
        expect(str(solutionSource, "ImportExportXml", "SolutionManifest", "Publisher", "UniqueName")).not.toBe("");
        expect(str(solutionSource, "ImportExportXml", "SolutionManifest", "Publisher", "CustomizationOptionValuePrefix")).toMatch(/^[1-9]\d{4}$/);
        expect(solutionVersion).toBe(controlVersion);
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
});

describe.each([
    ["unmanaged", false],
    ["managed", true],
] as const)("the %s solution zip", (kind, managed) => {
    const file = zipFiles[kind];
    let zip: JSZip;
    const text = async (name: string): Promise<string> => {
        const entry = zip.file(name);
        if (!entry) throw new Error(`${path.basename(file)} has no entry ${name}`);
        return (await entry.async("string")).replace(/^\uFEFF/, "");
    };

    beforeAll(async () => {
        if (!fs.existsSync(file)) {
            throw new Error(`Missing ${path.relative(paths.root, file)}: run \`npm run solution\` first (\`npm run test:solution\` does both).`);
        }
        zip = await JSZip.loadAsync(fs.readFileSync(file));
    });

    it("is named <UniqueName>_<version>[_managed].zip", () => {
        expect(path.basename(file)).toBe(`${uniqueName}_${versionForFile}${managed ? "_managed" : ""}.zip`);
        expect(path.basename(file)).toContain(controlVersion.split(".").join("_"));
    });

    it("holds exactly the expected entries, with forward slashes and no folder entries", () => {
        const names = Object.keys(zip.files);
        expect(names.filter((n) => zip.files[n].dir)).toEqual([]);
        expect(names.filter((n) => n.includes("\\"))).toEqual([]);
        expect([...names].sort()).toEqual(expectedEntries);
    });

    it("has only well-formed XML", async () => {
        const xmlNames = Object.keys(zip.files).filter((n) => /\.(xml|resx)$/i.test(n));
        expect(xmlNames.length).toBeGreaterThanOrEqual(4 + resxPaths.length);
        for (const name of xmlNames) {
            const result = XMLValidator.validate(await text(name));
            if (result !== true) throw new Error(`${name} is not well-formed: ${result.err.msg} (line ${result.err.line})`);
        }
    });

    it(`has solution.xml with Managed ${managed ? 1 : 0} and the control as a type 66 root component`, async () => {
        const manifest = at(parse(await text("solution.xml")), "ImportExportXml", "SolutionManifest");
        expect(str(manifest, "UniqueName")).toBe(uniqueName);
        expect(str(manifest, "Version")).toBe(solutionVersion);
        expect(str(manifest, "Managed")).toBe(managed ? "1" : "0");
        expect(str(manifest, "Publisher", "CustomizationPrefix")).toBe(prefix);
        const roots = list(manifest, "RootComponents", "RootComponent");
        expect(roots).toHaveLength(1);
        expect(str(roots[0], "@_type")).toBe("66");
        expect(str(roots[0], "@_schemaName")).toBe(schemaName);
        expect(str(roots[0], "@_behavior")).toBe("0");
    });

    it("has customizations.xml with the CustomControl entry and the languages", async () => {
        const doc = at(parse(await text("customizations.xml")), "ImportExportXml");
        const controls = list(doc, "CustomControls", "CustomControl");
        expect(controls).toHaveLength(1);
        expect(str(controls[0], "Name")).toBe(schemaName);
        expect(str(controls[0], "FileName")).toBe(`/${controlDir}/ControlManifest.xml`);
        expect(list(doc, "Languages", "Language").map(String)).toContain(baseLanguage);
    });

    it("has [Content_Types].xml covering every extension and overriding the control manifest", async () => {
        const types = at(parse(await text("[Content_Types].xml")), "Types");
        expect(str(types, "@_xmlns")).toBe("http://schemas.openxmlformats.org/package/2006/content-types");
        const defaults = list(types, "Default").map((d) => str(d, "@_Extension"));
        for (const name of Object.keys(zip.files)) expect(defaults).toContain(name.split(".").pop());
        expect(list(types, "Override").map((o) => str(o, "@_PartName"))).toEqual([`/${controlDir}/ControlManifest.xml`]);
    });

    it("has the compiled ControlManifest.xml of this control and version, unprefixed", async () => {
        const manifestXml = await text(`${controlDir}/ControlManifest.xml`);
        expect(manifestXml).toBe(read(path.join(paths.outControls, "ControlManifest.xml")));
        const c = at(parse(manifestXml), "manifest", "control");
        expect(str(c, "@_namespace")).toBe(namespace);
        expect(str(c, "@_constructor")).toBe(ctor);
        expect(str(c, "@_version")).toBe(controlVersion);
        expect(str(c, "@_api-version")).not.toBe("");
        expect(list(c, "resources", "code").map((r) => str(r, "@_path"))).toEqual(["bundle.js"]);
        expect(list(c, "property").map((p) => str(p, "@_name"))).toEqual(inputProperties);
    });

    it("has the production bundle", async () => {
        const entry = zip.file(`${controlDir}/bundle.js`);
        if (!entry) throw new Error("no bundle.js");
        const bundle = await entry.async("nodebuffer");
        expect(bundle.equals(fs.readFileSync(path.join(paths.outControls, "bundle.js")))).toBe(true);
        const js = bundle.toString("utf8");
        expect(js).not.toMatch(/The "eval" devtool has been used/);
        expect(js).not.toMatch(/sourceMappingURL/);
        expect(js.length / js.split("\n").length).toBeGreaterThan(200); // minified: few, long lines
        const infoFile = path.join(paths.distDir, "build-info.json");
        const info = JSON.parse(fs.readFileSync(infoFile, "utf8")) as { buildMode: string; bundleSha256: string };
        expect(info.buildMode).toBe("production");
        expect(crypto.createHash("sha256").update(bundle).digest("hex")).toBe(info.bundleSha256);
    });

    it("has every resx file the manifest names, as built", async () => {
        expect(resxPaths.length).toBeGreaterThan(0);
        for (const resx of resxPaths) {
            const entry = zip.file(`${controlDir}/${resx}`);
            if (!entry) throw new Error(`${path.basename(file)} lacks ${controlDir}/${resx}`);
            const bytes = await entry.async("nodebuffer");
            expect(bytes.equals(fs.readFileSync(path.join(paths.outControls, ...resx.split("/"))))).toBe(true);
        }
    });
});

describe("the two zips", () => {
    it("differ only in solution.xml's Managed flag", async () => {
        for (const f of Object.values(zipFiles)) {
            if (!fs.existsSync(f)) throw new Error(`Missing ${path.relative(paths.root, f)}: run \`npm run solution\` first.`);
        }
        const [u, m] = await Promise.all(Object.values(zipFiles).map((f) => JSZip.loadAsync(fs.readFileSync(f))));
        expect(Object.keys(u.files)).toEqual(Object.keys(m.files));
        for (const name of Object.keys(u.files)) {
            const [a, b] = await Promise.all([u, m].map((z) => z.files[name].async("string")));
            if (name === "solution.xml") expect(a.replace("<Managed>0</Managed>", "<Managed>1</Managed>")).toBe(b);
            else expect(a).toBe(b);
        }
    });
});
