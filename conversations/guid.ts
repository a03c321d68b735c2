const GUID = /^(?:\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}))$/i;

/** Normalizes a GUID to lowercase without braces; undefined when the text is not a GUID. */
export function normalizeGuid(text: string): string | undefined {
    const match = GUID.exec(text.trim());
    return match ? (match[1] ?? match[2]).toLowerCase() : undefined;
}
