/** The pure parts of the packer and the version setter (scripts/solution/lib.cjs, set-version.cjs). */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import {
    assertEntriesWellFormed,
    assertVersionIncrease,
    compareVersions,
    composeContentTypesXml,
    composeCustomizationsXml,
    composeSolutionXml,
    controlFiles,
    controlSchemaName,
    pacXmlBytes,
    resxLanguage,
    resxValue,
    solutionVersion,
    controlVersionOf,
    dotnetFailure,
    readControlInfo,
    readSolutionInfo,
    setControlManifestVersion,
    setPackageJsonVersion,
    setSolutionVersion,
    zipEntryNames,
    zipFileNames,
} from "../../scripts/solution/lib.cjs";
import { packZips } from "../../scripts/solution/pack.cjs";
import { projectPaths, readProject } from "../../scripts/solution/project.cjs";
import { currentVersions, setVersion } from "../../scripts/solution/set-version.cjs";

const paths = projectPaths();
const read = (f: string): string => fs.readFileSync(f, "utf8");

describe("version comparison", () => {
    it("writes a solution version in four parts and a control version in three", () => {
        expect(solutionVersion("1.2.3")).toBe("1.2.3.0");
        expect(solutionVersion(" 10.0.0.7 ")).toBe("10.0.0.7");
        expect(controlVersionOf("1.2.3.4")).toBe("1.2.3");
        expect(controlVersionOf("1.2.3")).toBe("1.2.3");
        for (const bad of ["1.2", "1.2.3.4.5", "v1.2.3", "1.02.3", "1.2.-3", "1.2.3-beta", ""]) {
            expect(() => solutionVersion(bad)).toThrow(/MAJOR\.MINOR\.PATCH/);
        }
    });

    it("compares numerically, part by part", () => {
        expect(compareVersions("1.0.1", "1.0.0")).toBe(1);
        expect(compareVersions("1.0.0", "1.0.1")).toBe(-1);
        expect(compareVersions("1.10.0", "1.9.9")).toBe(1);
        expect(compareVersions("2.0.0", "1.99.99")).toBe(1);
        expect(compareVersions("1.0.0", "1.0.0")).toBe(0);
        expect(compareVersions("1.0", "1.0.0.0")).toBe(0);
        expect(compareVersions("1.0.0.1", "1.0.0")).toBe(1);
        expect(() => compareVersions("1.x", "1.0")).toThrow();
    });

    it("refuses a version that is not higher than every current one", () => {
        const current = { "ControlManifest.Input.xml": "1.2.0", "Solution.xml": "1.2.0.0", "package.json": "1.1.9" };
        expect(() => assertVersionIncrease(current, "1.2.1")).not.toThrow();
        expect(() => assertVersionIncrease(current, "1.3.0.5")).not.toThrow();
        // Only the control's three parts reach the platform: a higher fourth part alone is no new version.
        expect(() => assertVersionIncrease(current, "1.2.0.9")).toThrow(/not higher/);
        expect(() => assertVersionIncrease(current, "1.2.0")).toThrow(/not higher than 1\.2\.0 in ControlManifest\.Input\.xml/);
        expect(() => assertVersionIncrease(current, "1.1.10")).toThrow(/not higher/);
        expect(() => assertVersionIncrease({ "Solution.xml": "1.2.5" }, "1.2.4")).toThrow(/Solution\.xml/);
        expect(() => assertVersionIncrease(current, "1.3")).toThrow(/MAJOR\.MINOR\.PATCH/);
    });
});

describe("version edits", () => {
    it("change the control's version attribute only, not the resx or library versions", () => {
        const before = read(paths.inputManifest);
        const after = setControlManifestVersion(before, "9.8.7");
        expect(readControlInfo(after).version).toBe("9.8.7");
        const changed = before.split("\n").filter((line, i) => line !== after.split("\n")[i]);
        expect(changed).toHaveLength(1);
        expect(changed[0]).toMatch(/<control /);
    });

    it("change Solution.xml's solution Version only", () => {
        const before = read(paths.solutionXml);
        const after = setSolutionVersion(before, "9.8.7.0");
        expect(readSolutionInfo(after).version).toBe("9.8.7.0");
        expect(after.replace("<Version>9.8.7.0</Version>", "")).toBe(before.replace(/<Version>[^<]*<\/Version>/, ""));
    });

    it("change package.json's version and keep its formatting", () => {
        const before = read(paths.packageJson);
        const after = setPackageJsonVersion(before, "9.8.7");
        expect((JSON.parse(after) as { version: string }).version).toBe("9.8.7");
        expect(setPackageJsonVersion(after, (JSON.parse(before) as { version: string }).version)).toBe(before);
        const lock = setPackageJsonVersion(JSON.stringify({ name: "x", version: "1.0.0", packages: { "": { version: "1.0.0" } } }, null, 2) + "\n", "1.0.1");
        expect(JSON.parse(lock)).toEqual({ name: "x", version: "1.0.1", packages: { "": { version: "1.0.1" } } });
    });

    describe("npm run version:set, on a copy of the repository files", () => {
        let root: string;
        beforeEach(() => {
            root = fs.mkdtempSync(path.join(os.tmpdir(), "version-set-"));
            const rel = (f: string) => path.relative(paths.root, f);
            for (const f of [paths.inputManifest, paths.packageJson, paths.solutionXml, paths.cdsproj]) {
                fs.mkdirSync(path.dirname(path.join(root, rel(f))), { recursive: true });
                fs.copyFileSync(f, path.join(root, rel(f)));
            }
            fs.writeFileSync(path.join(root, "package-lock.json"), JSON.stringify({ name: "x", version: "0.0.1", lockfileVersion: 3, packages: { "": { version: "0.0.1" } } }, null, 2) + "\n");
        });
        afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

        const highest = () => Object.values(currentVersions(root)).reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));

        it("sets the new version in the manifest, Solution.xml (four parts) and package.json (three)", () => {
            const [major, minor, patch] = controlVersionOf(highest()).split(".").map(Number);
            const next = `${major}.${minor}.${patch + 1}`;
            const written = setVersion(next, root);
            expect(written).toEqual(expect.arrayContaining(["ControlManifest.Input.xml", "package.json", "package-lock.json"]));
            expect(currentVersions(root)).toEqual({
                "ControlManifest.Input.xml": next,
                [path.relative(paths.root, paths.solutionXml).split(path.sep).join("/")]: `${next}.0`,
                "package.json": next,
            });
            const lock = JSON.parse(read(path.join(root, "package-lock.json"))) as { version: string; packages: Record<string, { version: string }> };
            expect([lock.version, lock.packages[""].version]).toEqual([next, next]);
        });

        it("takes a four-part version: Solution.xml gets all four, the others the first three", () => {
            const [major, minor, patch] = controlVersionOf(highest()).split(".").map(Number);
            setVersion(`${major}.${minor}.${patch + 1}.3`, root);
            expect(Object.values(currentVersions(root)).sort()).toEqual([`${major}.${minor}.${patch + 1}`, `${major}.${minor}.${patch + 1}`, `${major}.${minor}.${patch + 1}.3`].sort());
        });

        it("refuses an equal or lower version and leaves every file untouched", () => {
            const snapshot = () => Object.keys(currentVersions(root)).map((f) => read(path.join(root, f)));
            const before = snapshot();
            const current = Object.values(currentVersions(root))[0];
            expect(() => setVersion(current, root)).toThrow(/not higher/);
            expect(() => setVersion("0.0.1", root)).toThrow(/not higher/);
            expect(() => setVersion("banana", root)).toThrow(/MAJOR\.MINOR\.PATCH/);
            expect(snapshot()).toEqual(before);
        });
    });
});

describe("zip composition", () => {
    const schemaName = controlSchemaName("ccs", "OmnichannelConversations", "ConversationList");

    it("names the control <prefix>_<namespace>.<constructor> and the zips <UniqueName>_<four-part version>[_managed].zip", () => {
        expect(schemaName).toBe("ccs_OmnichannelConversations.ConversationList");
        expect(zipFileNames("MySolution", "1.2.3")).toEqual({ unmanaged: "MySolution_1_2_3_0.zip", managed: "MySolution_1_2_3_0_managed.zip" });
        expect(zipFileNames("MySolution", "1.2.3.4").unmanaged).toBe("MySolution_1_2_3_4.zip");
    });

    it("lists the entries with forward slashes, the manifest's files under Controls/<schema name>/ in ordinal order", () => {
        const files = controlFiles({ resources: [{ path: "bundle.js" }, { path: "strings\\A.1033.resx" }, { path: "strings/A.1031.resx" }] });
        expect(zipEntryNames(schemaName, files)).toEqual([
            "customizations.xml",
            "solution.xml",
            `Controls/${schemaName}/ControlManifest.xml`,
            `Controls/${schemaName}/bundle.js`,
            `Controls/${schemaName}/strings/A.1031.resx`,
            `Controls/${schemaName}/strings/A.1033.resx`,
            "[Content_Types].xml",
        ]);
    });

    it("reads every resx, css and code path a manifest names", () => {
        const info = readControlInfo(
            `<manifest><control namespace="N" constructor="C" version="1.0.0"><resources><code path="bundle.js" order="1"/>` +
                `<css path="css\\a.css" order="1"/><resx path="strings/C.1033.resx" version="1.0.0"/><resx path="strings/C.1036.resx" version="1.0.0"/>` +
                `<platform-library name="React" version="16.14.0"/></resources></control></manifest>`,
        );
        expect(controlFiles(info)).toEqual(["ControlManifest.xml", "bundle.js", "css/a.css", "strings/C.1033.resx", "strings/C.1036.resx"]);
        expect(controlFiles(info, ["bundle.js.LICENSE.txt"])).toEqual(["ControlManifest.xml", "bundle.js", "bundle.js.LICENSE.txt", "css/a.css", "strings/C.1033.resx", "strings/C.1036.resx"]);
    });

    it.each([false, true])("writes solution.xml from Solution.xml with Managed for managed=%s", (managed) => {
        const xml = composeSolutionXml(read(paths.solutionXml), { managed, schemaName });
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(xml).toContain(`<Managed>${managed ? 1 : 0}</Managed>`);
        expect(xml).not.toContain("<Managed>2</Managed>");
        expect(xml).toContain(`<RootComponent type="66" schemaName="${schemaName}" behavior="0" />`);
        expect(read(paths.solutionXml)).toContain("<!--");
        expect(xml).not.toContain("<!--"); // an export from Dataverse has none
        expect(xml).toMatch(/<ImportExportXml [^>]*generatedBy="CrmLive"/);
        const source = readSolutionInfo(read(paths.solutionXml));
        expect(readSolutionInfo(xml)).toEqual({ ...source, version: solutionVersion(source.version), managed: managed ? "1" : "0" });
    });

    it("gives the solution a name and description in every language, the source's own entries first", () => {
        const source = read(paths.solutionXml).replace(/<Version>[^<]*</, "<Version>2.0.1<");
        const xml = composeSolutionXml(source, {
            managed: false,
            schemaName,
            names: new Map([[1033, "ignored: the source names 1033"], [1036, "Liste & co"]]),
            descriptions: new Map([[1036, "Décrit"]]),
        });
        expect(xml).toContain("<Version>2.0.1.0</Version>");
        const solutionPart = xml.slice(0, xml.indexOf("<Publisher>"));
        expect([...solutionPart.matchAll(/<LocalizedName description="([^"]*)" languagecode="(\d+)" \/>/g)].map((m) => [m[2], m[1]])).toEqual([
            ["1033", readSolutionInfo(source).displayName],
            ["1036", "Liste &amp; co"],
        ]);
        expect(solutionPart).toContain(`<Description description="Décrit" languagecode="1036" />`);
        // The publisher's names are left alone.
        expect(xml.slice(xml.indexOf("<Publisher>"))).not.toContain("1036");
    });

    it("reads a resx file's language from its name and a key's value from its text", () => {
        expect(resxLanguage("strings/ConversationList.1031.resx")).toBe(1031);
        expect(resxLanguage("strings/ConversationList.resx")).toBeUndefined();
        const resx = read(path.join(paths.root, "strings", "ConversationList.1031.resx"));
        expect(resxValue(resx, "Control_DisplayName")).toBe("Unterhaltungsliste");
        expect(resxValue(resx, "No_Such_Key")).toBeUndefined();
    });

    it("writes solution-level XML as pac does: UTF-8 BOM and CRLF", () => {
        const bytes = pacXmlBytes("<?xml version=\"1.0\"?>\n<a>\r\n<b/>\n</a>\n");
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.subarray(3).toString("utf8")).toBe("<?xml version=\"1.0\"?>\r\n<a>\r\n<b/>\r\n</a>\r\n");
    });

    it("writes customizations.xml with the CustomControl entry, the languages and any relationships", () => {
        const source = read(paths.customizationsXml);
        const xml = composeCustomizationsXml(source, { schemaName, relationshipsXml: read(paths.relationshipsXml), languages: [1033, 1031] });
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(composeCustomizationsXml(source.replace("<Entities />", "<!-- a note --><Entities />"), { schemaName, languages: [1033] })).not.toContain("<!--");
        expect(xml).toContain(`<Name>${schemaName}</Name>`);
        expect(xml).toContain(`<FileName>/Controls/${schemaName}/ControlManifest.xml</FileName>`);
        expect(xml).toMatch(/<Languages>\s*<Language>1033<\/Language>\s*<Language>1031<\/Language>\s*<\/Languages>/);
        const withRel = composeCustomizationsXml(source, {
            schemaName,
            languages: [1033],
            relationshipsXml: `<EntityRelationships xmlns:xsi="x"><EntityRelationship Name="a_b" /></EntityRelationships>`,
        });
        expect(withRel).toContain(`<EntityRelationships><EntityRelationship Name="a_b" /></EntityRelationships>`);
    });

    it("writes [Content_Types].xml with a default for exactly the extensions present and an override per control manifest", () => {
        const xml = composeContentTypesXml(zipEntryNames(schemaName, ["ControlManifest.xml", "bundle.js", "img/x.png"]));
        expect(XMLValidator.validate(xml)).toBe(true);
        expect([...xml.matchAll(/<Default Extension="([^"]+)" ContentType="([^"]+)" \/>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
            "xml text/xml",
            "js application/octet-stream",
            "png application/octet-stream",
        ]);
        expect(xml).toContain(`<Override PartName="/Controls/${schemaName}/ControlManifest.xml" ContentType="application/octet-stream" />`);
    });
});

describe("strict XML: what Dataverse's reader refuses, the packer refuses", () => {
    const source = read(paths.solutionXml);
    /** 1-based line and column of `marker` in `xml`. */
    const where = (xml: string, marker: string): { line: number; column: number } => {
        const lines = xml.slice(0, xml.indexOf(marker)).split("\n");
        return { line: lines.length, column: lines[lines.length - 1].length + 1 };
    };
    const broken: [string, string, string, RegExp][] = [
        ["-- inside a comment", "<Managed>", "<!-- set with version:set -- 1.2.3 --><Managed>", /malformed comment/],
        ["an unescaped &", `description="Contoso Customer Service"`, `description="Contoso & Customer Service"`, /& that starts no reference/],
        ["a mismatched tag", "<UniqueName>OmnichannelConversationList</UniqueName>", "<UniqueName>OmnichannelConversationList</Uniquename>", /unexpected close tag/],
    ];

    it.each(broken)("refuses a Solution.xml with %s, naming the file, line and column", (_what, find, replace, reason) => {
        const xml = source.replace(find, replace);
        const { line } = where(xml, replace);
        expect(line).toBeGreaterThan(1);
        expect(() => readSolutionInfo(xml)).toThrow(new RegExp(`^Solution\\.xml is not well-formed XML: line ${line}, column \\d+: ${reason.source}`));
    });

    it("names the zip and the entry that is not well-formed, and reads only XML and resx entries", () => {
        const resx = `<?xml version="1.0"?>\n<root>\n  <data name="a"><value>Toi & moi</value></data>\n</root>`;
        const { line, column } = where(resx, "& moi");
        const entries = new Map([
            ["solution.xml", pacXmlBytes(source)],
            ["Controls/c/bundle.js", Buffer.from("if (a < b && c) x();")],
            ["Controls/c/strings/C.1036.resx", Buffer.from(resx)],
        ]);
        expect(() => assertEntriesWellFormed(new Map([["S_1_0_0_0.zip", entries]]))).toThrow(
            `S_1_0_0_0.zip: Controls/c/strings/C.1036.resx is not well-formed XML: line ${line}, column ${column}: & that starts no reference`,
        );
        entries.delete("Controls/c/strings/C.1036.resx");
        expect(() => assertEntriesWellFormed(new Map([["S_1_0_0_0.zip", entries]]))).not.toThrow();
    });

    describe("npm run solution, on a copy of the project whose resx is broken", () => {
        let root: string;
        beforeEach(() => {
            root = fs.mkdtempSync(path.join(os.tmpdir(), "pack-strict-"));
            const rel = (f: string) => path.relative(paths.root, f);
            for (const f of [paths.inputManifest, paths.solutionDir, paths.outControls]) {
                fs.cpSync(f, path.join(root, rel(f)), { recursive: true, filter: (from) => !from.startsWith(paths.distDir) });
            }
        });
        afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

        it("refuses before writing, naming the file and line, and leaves no zip behind", async () => {
            const project = readProject(root);
            const resx = path.join(project.paths.outControls, "strings", "ConversationList.1036.resx");
            const text = read(resx);
            const value = /<value>([^<&]*)<\/value>/.exec(text)?.[0] ?? "";
            fs.writeFileSync(resx, text.replace(value, value.replace("<value>", "<value>A & B ")));
            const { line } = where(read(resx), "A & B");
            fs.mkdirSync(project.paths.distDir, { recursive: true });
            for (const z of Object.values(project.zips)) fs.writeFileSync(z, "an older build");
            await expect(packZips(project)).rejects.toThrow(new RegExp(`^strings/ConversationList\\.1036\\.resx is not well-formed XML: line ${line}, column \\d+`));
            expect(fs.readdirSync(project.paths.distDir).filter((f) => f.endsWith(".zip"))).toEqual([]);
        });
    });
});

describe("npm run solution -- --dotnet", () => {
    it("says plainly when the Power Apps build packages cannot be restored", () => {
        const output = [
            "  Determining projects to restore...",
            "/x/ConversationList.pcfproj : error NU1101: Unable to find package Microsoft.PowerApps.MSBuild.Pcf. No packages exist with this id in source(s): mirror [/x/S.cdsproj]",
            "/x/S.cdsproj : error NU1101: Unable to find package Microsoft.PowerApps.MSBuild.Solution. No packages exist with this id in source(s): mirror",
            "/x/S.cdsproj : error NU1101: Unable to find package Microsoft.PowerApps.MSBuild.Solution. No packages exist with this id in source(s): mirror",
            "Build FAILED.",
        ].join("\r\n");
        const { why, errors } = dotnetFailure(1, output);
        expect(why).toMatch(/Power Apps build packages .* could not be restored/);
        expect(errors).toHaveLength(2);
    });

    it("names the exit code for any other failure", () => {
        expect(dotnetFailure(3, "/x/S.cdsproj : error MSB4019: The imported project was not found.").why).toBe("dotnet build exited with 3");
    });
});
