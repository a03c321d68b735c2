// A local server for the standard pcf-start harness page that works with no internet:
// - serves node_modules/pcf-start (index.html, harness.js, lib/) and the built control folder,
//   the way pcf-start's own browser-sync server does (harness files first, then the control);
// - rewrites index.html: the React UMD scripts it loads from unpkg.com come from node_modules,
//   Fluent's web fonts are not fetched from the Office CDN, and (unless disabled) the simulator
//   is loaded as a plain <script> before harness.js, which loads the control;
// - optionally pushes a reload to the page when the control or simulator is rebuilt.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { PCF_START_DIR, ROOT } from "./paths.mjs";

const TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "text/xml; charset=utf-8",
    ".resx": "text/xml; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
};

/** The CDN scripts of the harness page and the local files that replace them. */
const OFFLINE_PACKAGES = { react: path.join(ROOT, "node_modules", "react"), "react-dom": path.join(ROOT, "node_modules", "react-dom") };
/** Fluent's MDL2 icon fonts, which the harness's Fluent bundle would fetch from the Office CDN. */
const ICON_FONTS_DIR = path.join(ROOT, "node_modules", "@fluentui", "font-icons-mdl2", "fonts");
const CDN_SCRIPT = /https?:\/\/unpkg\.com\/(react|react-dom)@([^/"']+)\/(umd\/[\w.-]+\.js)/g;

function installedVersion(pkg) {
    try {
        return JSON.parse(fs.readFileSync(path.join(OFFLINE_PACKAGES[pkg], "package.json"), "utf8")).version;
    } catch {
        return undefined;
    }
}

/**
 * Rewrites pcf-start's index.html for offline use and for the simulator. Exported for tests.
 * `productionReact`: React's production build, which the platform runs, instead of the development one the
 * harness page asks for (whose checks and timing marks cost a fifth of a page load's CPU).
 */
export function rewriteHarnessHtml(html, { simulator = true, simulatorDefaults = {}, liveReload = false, seedInputs, user, productionReact = false } = {}) {
    const warnings = [];
    let rewritten = html.replace(CDN_SCRIPT, (_match, pkg, version, file) => {
        const local = installedVersion(pkg);
        if (local !== version) warnings.push(`harness page asks for ${pkg}@${version}, node_modules has ${local ?? "none"}`);
        return `/__offline/${pkg}/${productionReact ? file.replace(/\.development\.js$/, ".production.min.js") : file}`;
    });
    if (/https?:\/\//.test(rewritten.replace(/<!--[\s\S]*?-->/g, ""))) warnings.push("harness page still references an absolute URL");
    const head = [
        // Fluent loads its icon font and web fonts from the Office CDN unless told otherwise:
        // icons come from node_modules; an empty fontBaseUrl registers no Segoe UI web font at all.
        `<script>window.FabricConfig=Object.assign({iconBaseUrl:"/__offline/fabric-icons/",fontBaseUrl:""},window.FabricConfig);</script>`,
    ];
    if (user) {
        // Read by the patched harness.js (see harnessScriptForUser) when it builds context.userSettings.
        head.push(`<script>window.__HARNESS_USER_SETTINGS__=${JSON.stringify(user)};</script>`);
    }
    if (seedInputs && seedInputs.storageKey) {
        // The harness keeps property values in localStorage under "<namespace>.<constructor>_properties"
        // and cannot leave a bound text property empty (it fills "val"): pre-fill the ones given
        // unless the page already has its own values. `?resetInputs` forgets the stored values.
        const key = JSON.stringify(seedInputs.storageKey);
        const values = JSON.stringify(seedInputs.properties ?? {}).replace(/</g, "\\u003c");
        head.push(
            `<script>(function(){try{var k=${key},s=${values};if(/[?&]resetInputs\\b/.test(location.search))localStorage.removeItem(k);` +
                `var c=JSON.parse(localStorage.getItem(k)||"{}"),n;for(n in s)if(!c[n])c[n]=s[n];localStorage.setItem(k,JSON.stringify(c));}catch(e){}})();</script>`,
        );
    }
    if (simulator) {
        head.push(`<script>window.__OMNICHANNEL_SIMULATOR_DEFAULTS__=${JSON.stringify(simulatorDefaults).replace(/</g, "\\u003c")};</script>`);
        head.push(`<script src="/__simulator/simulator.js"></script>`);
    }
    if (liveReload) {
        head.push(`<script>new EventSource("/__harness/reload").addEventListener("reload",function(){location.reload();});</script>`);
    }
    const harnessScript = /<script[^>]*src="harness\.js"[^>]*><\/script>/;
    if (!harnessScript.test(rewritten)) throw new Error("pcf-start index.html has no harness.js script: cannot inject the simulator before it");
    rewritten = rewritten.replace(harnessScript, (tag) => head.join("") + tag);
    return { html: rewritten, warnings };
}

/** The harness user's id (pcf-start's userSettings.userId) as the agent: the grid shows at once. */
export const HARNESS_USER_ID = "{00000000-0000-0000-0000-000000000000}";
export const DEFAULT_HARNESS_INPUTS = { agent: { Value: HARNESS_USER_ID, SelectedType: "SingleLine.Text" } };
/** `npm start`'s: the default columns and two of the simulated org's own, headed by their display names. */
export const START_HARNESS_INPUTS = {
    ...DEFAULT_HARNESS_INPUTS,
    columns: { Value: "msdyn_title,statuscode,msdyn_channel,msdyn_customer,new_priority,new_followupdate,createdon", SelectedType: "SingleLine.Text" },
};

/** Dataverse language ids of right-to-left languages (Arabic, Hebrew, Urdu, Persian, and Arabic variants). */
const RTL_LANGUAGES = new Set([1025, 1037, 1056, 1065, 2049, 3073, 5121, 14337]);

/** The harness user's language and direction, as the platform would set context.userSettings. */
export function userSettingsFor(languageId) {
    return { languageId, isRTL: RTL_LANGUAGES.has(languageId) };
}

/** `?language=<lcid>` of a page URL, or undefined. */
export function languageOfUrl(url) {
    try {
        const value = new URL(url, "http://localhost").searchParams.get("language");
        return value && /^\d{4,5}$/.test(value) ? Number(value) : undefined;
    } catch {
        return undefined;
    }
}

/**
 * pcf-start 1.51.1 hard-codes the harness user's settings in two literals of harness.js: the
 * UserSettings it starts from, and the client data whose isRTL context.userSettings.isRTL ends up with.
 */
const USER = "(window.__HARNESS_USER_SETTINGS__||{})";
const HARNESS_USER_LITERALS = [
    ["isRTL:!1,languageId:1033,", `isRTL:!!${USER}.isRTL,languageId:${USER}.languageId||1033,`],
    ["languageCode:1033,isRTL:!1,", `languageCode:${USER}.languageId||1033,isRTL:!!${USER}.isRTL,`],
];

/**
 * pcf-start 1.51.1 gives the control no Fluent design state; the simulated host may set one
 * (`window.__HARNESS_FLUENT_DESIGN__`, from `?theme=`), as the workspace does with its theme.
 */
const HARNESS_DESIGN_LITERALS = [["fluentDesignLanguage:e.fluentDesignLanguage,", "fluentDesignLanguage:e.fluentDesignLanguage||window.__HARNESS_FLUENT_DESIGN__,"]];

/**
 * pcf-start 1.51.1 rejects `context.utils.getEntityMetadata` ("This method is not supported!"); the simulated
 * platform may answer it (`window.__HARNESS_ENTITY_METADATA__`), or have none (null: the call throws, as a
 * missing method would).
 */
const HARNESS_METADATA_LITERALS = [
    [
        'getEntityMetadata:function(e,t){return Promise.reject(new Error("This method is not supported!"))}',
        'getEntityMetadata:function(e,t){var m=window.__HARNESS_ENTITY_METADATA__;if(m===null)throw new TypeError("getEntityMetadata is not a function");' +
            'return m?m(e,t):Promise.reject(new Error("This method is not supported!"))}',
    ],
];

/** harness.js with the user's language and direction taken from window.__HARNESS_USER_SETTINGS__, the host's theme and the platform's metadata. */
export function harnessScriptForUser(source) {
    return [...HARNESS_USER_LITERALS, ...HARNESS_DESIGN_LITERALS, ...HARNESS_METADATA_LITERALS].reduce((script, [literal, replacement]) => {
        if (!script.includes(literal)) throw new Error(`pcf-start harness.js no longer has "${literal}": cannot set the harness user's settings`);
        return script.replace(literal, replacement);
    }, source);
}

/**
 * pcf-start loads every <resx> of the manifest into one string table, so the last language listed
 * wins whatever the user's. The platform loads the user's language only: keep the resx of
 * `lcid` (the harness user's languageId is 1033) when the manifest has one.
 */
export function manifestForLanguage(xml, lcid = 1033) {
    const resx = [...xml.matchAll(/\s*<resx\b[^>]*path="[^"]*?\.(\d+)\.resx"[^>]*\/>/g)];
    if (resx.length < 2 || !resx.some((m) => Number(m[1]) === lcid)) return xml;
    return resx.filter((m) => Number(m[1]) !== lcid).reduce((out, m) => out.replace(m[0], ""), xml);
}

function inside(base, requested) {
    const resolved = path.resolve(base, "." + requested);
    return resolved === base || resolved.startsWith(base + path.sep) ? resolved : undefined;
}

function sendFile(res, file, method) {
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
    if (method === "HEAD") return res.end();
    fs.createReadStream(file).pipe(res);
}

function isFile(file) {
    try {
        return !!file && fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

/**
 * Starts the harness server.
 * @param {object} options
 * @param {string} options.codePath folder of the built control (ControlManifest.xml, bundle.js, strings/)
 * @param {number} [options.port] 8181 by default (like pcf-start); 0 picks a free port
 * @param {string} [options.host] 127.0.0.1 by default
 * @param {boolean} [options.simulator] inject the simulator (default true)
 * @param {object} [options.simulatorDefaults] defaults of the simulator: { scenario, latencyMs, seed, now, badge }
 * @param {object|null} [options.harnessInputs] property values to pre-fill in the harness panel
 *   ({ name: { Value, SelectedType } }); null pre-fills nothing. Default: DEFAULT_HARNESS_INPUTS
 * @param {number} [options.languageId] the harness user's language (default 1033): the one resx served,
 *   userSettings.languageId and isRTL; a page's `?language=<lcid>` overrides it for that page
 * @param {boolean} [options.liveReload] inject a reload listener; call `reload()` to reload pages
 * @param {boolean} [options.productionReact] serve React's production build (see rewriteHarnessHtml)
 * @param {boolean} [options.portFallback] try the next ports when taken (default: true unless port is 0)
 * @param {(line: string) => void} [options.log]
 */
export async function startHarnessServer(options) {
    const { codePath, simulatorBundle, host = "127.0.0.1", simulator = true, simulatorDefaults = {}, liveReload = false, productionReact = false, log = () => {} } = options;
    const control = path.resolve(codePath);
    const manifestFile = path.join(control, "ControlManifest.xml");
    if (!fs.existsSync(manifestFile)) throw new Error(`No built control in ${control}: build it first`);
    const manifest = fs.readFileSync(manifestFile, "utf8");
    const namespace = /<control[^>]*\snamespace="([^"]+)"/.exec(manifest)?.[1];
    const constructorName = /<control[^>]*\sconstructor="([^"]+)"/.exec(manifest)?.[1];
    const inputs = options.harnessInputs === undefined ? DEFAULT_HARNESS_INPUTS : options.harnessInputs;
    const seedInputs = inputs && namespace && constructorName ? { storageKey: `${namespace}.${constructorName}_properties`, properties: inputs } : undefined;
    if (simulator && !(simulatorBundle && fs.existsSync(simulatorBundle))) throw new Error(`No simulator bundle at ${simulatorBundle}: build it first`);
    const defaultLanguage = options.languageId ?? 1033;
    /** The page's `?language=`, for the page itself or (by its Referer) for what the page loads. */
    const languageOf = (req, url) => languageOfUrl(url.search) ?? languageOfUrl(req.headers.referer ?? "") ?? defaultLanguage;
    const reloadClients = new Set();
    const requests = [];

    const server = http.createServer((req, res) => {
        let url, pathname;
        try {
            url = new URL(req.url ?? "/", "http://localhost");
            pathname = decodeURIComponent(url.pathname);
        } catch {
            // "//", a bad escape: not a path of ours, and no reason to stop the server.
            res.writeHead(400).end();
            return;
        }
        requests.push(pathname);
        if (req.method !== "GET" && req.method !== "HEAD") {
            res.writeHead(405).end();
            return;
        }
        if (pathname === "/" || pathname === "/index.html") {
            const source = fs.readFileSync(path.join(PCF_START_DIR, "index.html"), "utf8");
            const user = userSettingsFor(languageOf(req, url));
            const { html, warnings } = rewriteHarnessHtml(source, { simulator, simulatorDefaults, liveReload, seedInputs, user, productionReact });
            warnings.forEach((w) => log(`warning: ${w}`));
            res.writeHead(200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-store" });
            res.end(req.method === "HEAD" ? undefined : html);
            return;
        }
        const offline = /^\/__offline\/(react|react-dom)\/(umd\/[\w.-]+\.js)$/.exec(pathname);
        if (offline) {
            const file = inside(OFFLINE_PACKAGES[offline[1]], "/" + offline[2]);
            if (isFile(file)) return sendFile(res, file, req.method);
        }
        if (pathname.startsWith("/__offline/fabric-icons/")) {
            const file = inside(ICON_FONTS_DIR, pathname.slice("/__offline/fabric-icons".length));
            if (isFile(file)) return sendFile(res, file, req.method);
        }
        if (simulator && (pathname === "/__simulator/simulator.js" || pathname === "/__simulator/simulator.js.map")) {
            const file = pathname.endsWith(".map") ? simulatorBundle + ".map" : simulatorBundle;
            if (isFile(file)) return sendFile(res, file, req.method);
        }
        if (liveReload && pathname === "/__harness/reload") {
            res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
            res.write(": connected\n\n");
            reloadClients.add(res);
            req.on("close", () => reloadClients.delete(res));
            return;
        }
        if (pathname === "/harness.js") {
            const script = harnessScriptForUser(fs.readFileSync(path.join(PCF_START_DIR, "harness.js"), "utf8"));
            res.writeHead(200, { "Content-Type": TYPES[".js"], "Cache-Control": "no-store" });
            res.end(req.method === "HEAD" ? undefined : script);
            return;
        }
        if (pathname === "/ControlManifest.xml") {
            const xml = manifestForLanguage(fs.readFileSync(manifestFile, "utf8"), languageOf(req, new URL("/", "http://localhost")));
            res.writeHead(200, { "Content-Type": TYPES[".xml"], "Cache-Control": "no-store" });
            res.end(req.method === "HEAD" ? undefined : xml);
            return;
        }
        if (pathname === "/favicon.ico") {
            res.writeHead(204, { "Cache-Control": "no-store" }).end();
            return;
        }
        // Like pcf-start: the harness's own files first, then the control's folder.
        for (const base of [PCF_START_DIR, control]) {
            const file = inside(base, pathname);
            if (isFile(file)) return sendFile(res, file, req.method);
        }
        res.writeHead(404, { "Content-Type": TYPES[".txt"] }).end(`Not found: ${pathname}`);
    });

    const firstPort = options.port ?? 8181;
    const fallback = options.portFallback ?? firstPort !== 0;
    let port = firstPort;
    for (;;) {
        try {
            await new Promise((resolve, reject) => {
                server.once("error", reject);
                server.listen(port, host, () => {
                    server.off("error", reject);
                    resolve();
                });
            });
            break;
        } catch (error) {
            if (error.code !== "EADDRINUSE" || !fallback || port >= firstPort + 10) throw error;
            log(`port ${port} is taken, trying ${port + 1}`);
            port++;
        }
    }
    const actualPort = server.address().port;
    return {
        server,
        port: actualPort,
        url: `http://${host === "127.0.0.1" ? "localhost" : host}:${actualPort}/`,
        /** The same page by loopback address, for tests. */
        loopbackUrl: `http://${host.includes(":") ? `[${host}]` : host}:${actualPort}/`,
        /** Paths requested so far (for tests). */
        requests,
        reload() {
            for (const client of reloadClients) client.write("event: reload\ndata: now\n\n");
        },
        close() {
            for (const client of reloadClients) client.end();
            server.closeAllConnections?.();
            return new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
