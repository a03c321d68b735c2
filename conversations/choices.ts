/**
 * Choice values of the Conversation table (msdyn_ocliveworkitem) as omnichannel.md publishes them.
 * Labels live in the resx files under keys built from these values.
 */

/** statuscode values of the status reasons every org has. */
export const STATUS_CODES: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/**
 * Their names in every shipped language, in code order (each language's resx Status_1 … Status_7:
 * test/unit/resx.test.ts holds them equal), so that a Statuses value written in any of them means the
 * same for every agent, whatever language each of them uses.
 */
export const STATUS_NAMES: Readonly<Record<number, string>> = {
    1033: "Open|Active|Waiting|Closed|Wrap-up|Resolved|Scheduled",
    1031: "Offen|Aktiv|Wartend|Geschlossen|Nachbearbeitung|Gelöst|Geplant",
    1036: "Ouvert|Actif|En attente|Fermé|Conclusion|Résolu|Planifié",
    3082: "Abierta|Activa|En espera|Cerrada|Finalización|Resuelta|Programada",
    1040: "Aperta|Attiva|In attesa|Chiusa|Riepilogo|Risolta|Pianificata",
    1046: "Aberta|Ativa|Em espera|Fechada|Encerramento|Resolvida|Agendada",
    1043: "Open|Actief|Wachtend|Gesloten|Afronding|Opgelost|Gepland",
    1041: "オープン|アクティブ|待機中|終了|ラップアップ|解決済み|スケジュール済み",
    2052: "打开|活动|等待|已关闭|总结|已解决|已计划",
    1042: "열림|활성|대기 중|닫힘|마무리|해결됨|예약됨",
    1025: "مفتوحة|نشطة|قيد الانتظار|مغلقة|الاختتام|تم حلها|مجدولة",
    1037: "פתוחה|פעילה|ממתינה|סגורה|סיכום|נפתרה|מתוזמנת",
};

/** What the workspace's own "My work items" shows. */
export const DEFAULT_STATUS_CODES: readonly number[] = [2, 3, 5];

/** msdyn_channel values (global choice msdyn_streamsource). */
export const CHANNEL_CODES: readonly number[] = [
    19241000, 192300000, 192310000, 192320000, 192330000, 192340000, 192350000, 192350001, 192350002, 192360000,
    192370000, 192380000, 192390000, 192400000, 192440000, 192450000, 192450001,
];

/** msdyn_customersentimentlabel values. */
export const SENTIMENT_CODES: readonly number[] = [0, 7, 8, 9, 10, 11, 12, 13];

export const statusLabelKey = (code: number): string => `Status_${code}`;
export const channelLabelKey = (code: number): string => `Channel_${code}`;
export const sentimentLabelKey = (code: number): string => `Sentiment_${code}`;

/** Reads a choice value that may arrive as a number or a numeric string. */
export function choiceValue(raw: unknown): number | undefined {
    if (typeof raw === "number" && Number.isInteger(raw)) return raw;
    if (typeof raw === "string" && /^\s*-?\d+\s*$/.test(raw)) return Number(raw);
    return undefined;
}

/** msdyn_channel is multi-select: a number, a comma-separated string or an array. */
export function channelValues(raw: unknown): number[] {
    const parts = Array.isArray(raw) ? (raw as unknown[]) : typeof raw === "string" ? raw.split(",") : [raw];
    return parts.map(choiceValue).filter((value): value is number => value !== undefined);
}
