import * as React from "react";
import { MessageBar, MessageBarButton, MessageBarType } from "@fluentui/react";
import type { Strings } from "../conversations/strings";

interface RenderErrorBoundaryProps {
    strings: Strings;
    onRetry: () => void;
    children?: React.ReactNode;
}

/** A rendering failure shows a message with Retry instead of leaving the form's section blank. */
export class RenderErrorBoundary extends React.Component<RenderErrorBoundaryProps, { failed: boolean }> {
    public state = { failed: false };

    public static getDerivedStateFromError(): { failed: boolean } {
        return { failed: true };
    }

    readonly #retry = (): void => {
        this.setState({ failed: false });
        this.props.onRetry();
    };

    public render(): React.ReactNode {
        if (!this.state.failed) return this.props.children;
        const { strings } = this.props;
        return (
            <MessageBar
                data-testid="state-render-error"
                messageBarType={MessageBarType.error}
                actions={<MessageBarButton onClick={this.#retry}>{strings.text("State_Retry")}</MessageBarButton>}
            >
                {strings.text("State_RenderError")}
            </MessageBar>
        );
    }
}
