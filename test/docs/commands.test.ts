/**
 * Every `npm run …`, `npm start` and `npm test` named in README.md and docs/ exists and answers: each is a
 * package.json script, and each step of it (split on &&) runs far enough to prove itself — `npm run <x>` steps are
 * followed, `node <file>` steps answer `--help` with exit 0, other tools exist in node_modules/.bin and answer `--help`.
 * Commands are found in the text, so a command a new section names is covered without editing this test.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { execFile } from "node:child_process";

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, "..", "..");
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

function markdownFiles(): string[] {
    const docs = fs.readdirSync(path.join(ROOT, "docs"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
    return ["README.md", ...docs.map((f) => path.join("docs", f))];
}

/** Script names the docs use, with the files that name them. */
function namedCommands(): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const file of markdownFiles()) {
        const text = fs.readFileSync(path.join(ROOT, file), "utf8");
        for (const m of text.matchAll(/\bnpm (?:run(?:-script)? +([A-Za-z0-9:._-]+)|(start|test)\b)/g)) {
            const name = m[1] ?? m[2];
            found.set(name, [...new Set([...(found.get(name) ?? []), file])]);
        }
    }
    return found;
}

function answersHelp(command: string, args: string[]): Promise<string | undefined> {
    const what = `${command} ${args.join(" ")} --help`;
    return new Promise((resolve) => {
        execFile(command, [...args, "--help"], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, FORCE_COLOR: "0" } }, (error, stdout, stderr) => {
            const output = `${stdout}${stderr}`.trim();
            if (error) resolve(typeof error.code === "number" ? `${what} exited ${error.code}: ${output.slice(0, 300)}` : `${what}: ${error.message}`);
            else resolve(output.length === 0 ? `${what} printed nothing` : undefined);
        });
    });
}

/** Problems with script `name` and everything it runs; empty when every step answered. */
async function check(name: string, seen = new Set<string>()): Promise<string[]> {
    if (seen.has(name)) return [];
    seen.add(name);
    const script = scripts[name];
    if (script === undefined) return [`package.json has no script "${name}"`];
    const problems: string[] = [];
    for (const step of script.split("&&").map((s) => s.trim())) {
        const words = step.split(/\s+/);
        if (words[0] === "npm" && words[1] === "run") {
            problems.push(...(await check(words.filter((w) => !w.startsWith("-"))[2] ?? "", seen)).map((p) => `${name} → ${p}`));
        } else if (words[0] === "node") {
            const file = words[1];
            if (!fs.existsSync(path.join(ROOT, file))) problems.push(`${name}: ${file} does not exist`);
            else {
                const problem = await answersHelp(process.execPath, [file]);
                if (problem) problems.push(`${name}: ${problem}`);
            }
        } else {
            const bin = path.join(ROOT, "node_modules", ".bin", words[0]);
            if (!fs.existsSync(bin)) problems.push(`${name}: ${words[0]} is not installed (node_modules/.bin)`);
            else {
                const problem = await answersHelp(bin, []);
                if (problem) problems.push(`${name}: ${problem}`);
            }
        }
    }
    return problems;
}

const commands = namedCommands();

describe("commands named in README.md and docs/", () => {
    it("include the README's two commands", () => {
        expect([...commands.keys()]).toEqual(expect.arrayContaining(["start", "test"]));
    });

    // Side by side: each command is mostly a tool starting up, so together they take little longer than the slowest.
    it.concurrent.each([...commands.keys()].sort())("npm run %s exists and every step of it answers", async (name) => {
        const problems = await check(name);
        expect({ name, namedIn: commands.get(name), problems }).toEqual({ name, namedIn: commands.get(name), problems: [] });
    });
});
