import * as React from "react";
import type { IInputs, IOutputs } from "./generated/ManifestTypes";

export class ConversationList implements ComponentFramework.ReactControl<IInputs, IOutputs> {
    public init(): void {
        return;
    }
    public updateView(): React.ReactElement {
        return React.createElement("div", null, "stub");
    }
    public getOutputs(): IOutputs {
        return {};
    }
    public destroy(): void {
        return;
    }
}
