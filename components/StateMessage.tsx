import * as React from "react";
import { MessageBar, MessageBarType, Spinner, SpinnerSize, mergeStyleSets } from "@fluentui/react";
import { colorVar } from "../theme/colors";
import type { SettingsProblem } from "../conversations/request";
import type { FeedFailure, Refusal } from "../conversations/feed";
import type { Strings } from "../conversations/strings";
import type { ConversationFormatter } from "../conversations/formatting";

/** Often enough that "in 4 min." never lags a minute behind. */
const COUNTDOWN_TICK_MS = 15_000;

// Under the message text, past the bar's icon.
const classes = mergeStyleSets({ nextTry: { fontSize: 12, color: colorVar("subtext"), paddingTop: 2, paddingInlineStart: 36 } });

const settingName = (strings: Strings, problem: Pick<SettingsProblem, "setting">): string =>
    strings.optional(`Property_${problem.setting}_DisplayName`) ?? problem.setting;

/**
 * "Statuses: “Pending” is not a known status…": the property, then what is wrong with it. A column the
 * org's metadata says the table lacks gets the words of Dataverse's own refusal of it.
 */
function describeProblem(strings: Strings, problem: SettingsProblem): string {
    const key = problem.code === "unknownColumn" ? "Failure_unknownColumn" : (`Problem_${problem.code}` as const);
    return strings.format(key, settingName(strings, problem), problem.value ?? "");
}

export const LoadingState = React.memo(function LoadingState({ strings }: { strings: Strings }) {
    return <Spinner data-testid="state-loading" size={SpinnerSize.large} label={strings.text("State_Loading")} />;
});

/**
 * No host: while it may still come, what the list waits for (`waiting`); after the last look, that it needs
 * Customer Service workspace.
 */
export const HostMissingState = React.memo(function HostMissingState({ strings, waiting }: { strings: Strings; waiting: boolean }) {
    return (
        <MessageBar data-testid={waiting ? "state-waiting-for-host" : "state-unavailable"} messageBarType={MessageBarType.info} isMultiline>
            {strings.text(waiting ? "State_WaitingForHost" : "State_Unavailable")}
        </MessageBar>
    );
});

export const InvalidSettingsState = React.memo(function InvalidSettingsState({
    strings,
    problems,
}: {
    strings: Strings;
    problems: readonly SettingsProblem[];
}) {
    return (
        <MessageBar data-testid="state-invalid" messageBarType={MessageBarType.warning} isMultiline>
            <strong>{strings.text("State_InvalidTitle")}</strong>
            <ul>
                {problems.map((problem, index) => (
                    <li key={index}>{describeProblem(strings, problem)}</li>
                ))}
            </ul>
        </MessageBar>
    );
});

/** What the host said, for an admin to trace: rendered as text only, whatever it contains. */
function RefusalDetails({ strings, refusal }: { strings: Strings; refusal: Refusal }) {
    const { error, correlationId } = refusal;
    return (
        <details data-testid="failure-details">
            <summary>{strings.text("Failure_Details")}</summary>
            {error.message !== undefined && <div data-testid="host-message">{error.message}</div>}
            {error.code !== undefined && <div>{strings.format("Failure_Code", error.code)}</div>}
            {correlationId !== undefined && <div>{strings.format("Failure_CorrelationId", correlationId)}</div>}
        </details>
    );
}

/** Counts down to the next try, by itself: minutes pass while nothing else renders (no earlier rows to age). */
function NextTry({ strings, formatter, at }: { strings: Strings; formatter: ConversationFormatter; at: Date }) {
    const [now, setNow] = React.useState(() => new Date());
    React.useEffect(() => {
        const timer = setInterval(() => setNow(new Date()), COUNTDOWN_TICK_MS);
        return () => clearInterval(timer);
    }, []);
    return (
        <div data-testid="next-try" className={classes.nextTry}>
            {strings.format("State_NextTry", formatter.until(at, now))}
        </div>
    );
}

/**
 * The error; its one retry action is the toolbar's button, which says Retry in Refresh's place. A busy
 * server is a warning, not an error: nothing is broken, the list only waits. The countdown sits under
 * the bar, outside its live region, so the error is read once and not again with every minute.
 */
export const FailedState = React.memo(function FailedState({
    strings,
    formatter,
    failure,
    retryAt,
    refusal,
}: {
    strings: Strings;
    formatter: ConversationFormatter;
    failure: FeedFailure;
    /** When the next automatic try will be, if one is planned. */
    retryAt?: Date;
    refusal?: Refusal;
}) {
    const unknownColumn = refusal?.unknownColumn;
    return (
        <div>
            <MessageBar
                data-testid="state-error"
                data-failure={failure}
                messageBarType={failure === "busy" ? MessageBarType.warning : MessageBarType.error}
                isMultiline
            >
                {unknownColumn ? strings.format("Failure_unknownColumn", settingName(strings, unknownColumn), unknownColumn.column) : strings.text(`Failure_${failure}`)}
                {refusal && <RefusalDetails strings={strings} refusal={refusal} />}
            </MessageBar>
            {retryAt && <NextTry strings={strings} formatter={formatter} at={retryAt} />}
        </div>
    );
});

export const EmptyState = React.memo(function EmptyState({ strings, query }: { strings: Strings; query: string }) {
    return (
        <MessageBar data-testid="state-empty" messageBarType={MessageBarType.info}>
            {query.trim() === "" ? strings.text("State_Empty") : strings.format("State_EmptyFiltered", query.trim())}
        </MessageBar>
    );
});
