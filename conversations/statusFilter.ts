import type { ConversationRow, StatusLabel } from "./rows";

/** One status chip: the status, its label, how many rows have it, and whether it is picked. */
export interface StatusChip {
    code: number;
    label: string;
    count: number;
    pressed: boolean;
}

/** One chip per configured status, in the maker's order, counting every row received; labelled as the badges are. */
export function statusChips(rows: readonly ConversationRow[], statuses: readonly number[], picked: readonly number[], label: StatusLabel): StatusChip[] {
    const counts = new Map<number, number>();
    for (const row of rows) {
        const code = row.conversation.statusCode;
        if (code !== undefined) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    return statuses.map((code) => ({ code, label: label(code), count: counts.get(code) ?? 0, pressed: picked.includes(code) }));
}

/** The picked statuses still configured; a pick the maker has since removed is ignored. */
export function activeStatusFilter(picked: readonly number[] | undefined, statuses: readonly number[]): readonly number[] {
    return (picked ?? []).filter((code) => statuses.includes(code));
}

/** Rows whose status is picked; nothing picked keeps every row. Client-side: no new request. */
export function filterByStatus(rows: readonly ConversationRow[], picked: readonly number[]): readonly ConversationRow[] {
    if (picked.length === 0) return rows;
    return rows.filter((row) => row.conversation.statusCode !== undefined && picked.includes(row.conversation.statusCode));
}

/** Picks a status, or unpicks it when it was picked. */
export function toggleStatus(picked: readonly number[], code: number): number[] {
    return picked.includes(code) ? picked.filter((other) => other !== code) : [...picked, code];
}
