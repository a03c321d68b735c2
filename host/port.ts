/**
 * The port to the Customer Service host: the part of `Microsoft.Omnichannel` this control uses,
 * typed as the workspace's client script behaves (docs/host.md). Two implementations exist: the
 * adapter over the real global (adapter.ts) and the simulator (simulator/, never shipped).
 */

/** One sort key of `getConversations`' `orderBy`. */
export interface OrderByKey {
    attributeName: string;
    descending: boolean;
}

/**
 * The documented input object. The docs type it as a JSON string but every published example
 * passes a plain object; this project passes the object (see buildConversationRequest).
 */
export interface GetConversationsInput {
    agentId: string;
    attributes?: string[];
    status?: number[];
    orderBy?: OrderByKey[];
    /** Only conversations N or more days old (the script: `createdon` on or before today − N); sent from "Created at least (days ago)". */
    createdBeforeDays?: number;
}

/** A conversation record as the host returns it: undocumented in detail, so read defensively. */
export type ConversationRecord = Record<string, unknown>;

export interface OmnichannelHost {
    /**
     * The script resolves `{ status: true, result }` with the records in `result.value` (an older docs page
     * says `result.values`) and rejects `{ status: false, error: { code, message } }`; read defensively.
     */
    getConversations(input: GetConversationsInput, correlationId?: string): Promise<unknown>;
    /** Opens the conversation as a session in the workspace. */
    openConversation(conversationId: string, lastsessionId?: string, liveworkstreamId?: string): Promise<unknown>;
    /** Id of the conversation in the focused session; rejects or resolves empty when there is none. */
    getConversationId(): Promise<unknown>;
}

/** The three ids `openConversation` takes, as columns of the Conversation table. */
export const ID_COLUMNS = {
    conversation: "msdyn_ocliveworkitemid",
    session: "msdyn_lastsessionid",
    workstream: "msdyn_liveworkstreamid",
} as const;

/** The columns the host always returns, whatever `attributes` asks for. */
export const ALWAYS_RETURNED_ATTRIBUTES: readonly string[] = [ID_COLUMNS.conversation, ID_COLUMNS.workstream, ID_COLUMNS.session, "statuscode", "createdon"];

/** The Conversation table's logical name. */
export const CONVERSATION_TABLE = "msdyn_ocliveworkitem";

/**
 * The model-driven platform's column definitions, `context.utils.getEntityMetadata(table, columns)`:
 * the org's labels and types. Not part of `Microsoft.Omnichannel`, and missing or rejecting outside
 * model-driven apps (the pcf-start harness rejects it), so read tolerantly (metadata.ts).
 */
export type EntityMetadataSource = (entityName: string, attributes: string[]) => Promise<unknown>;
