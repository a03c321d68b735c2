import * as React from "react";
import { act, render, type RenderResult } from "@testing-library/react";
import { ConversationList } from "../../index";
import { createContext, type ContextOptions, type ParameterValues } from "./pcfContext";
import { SimulatedMetadata } from "../../simulator/metadata";

/**
 * Drives the control as the host does: init, then updateView whenever a property changes or the
 * container resizes; the returned element is rendered for real.
 */
export class ControlDriver {
    public readonly control = new ConversationList();
    public readonly notifyOutputChanged = jest.fn();
    public readonly elements: React.ReactElement[] = [];
    public context: ComponentFramework.Context<unknown>;
    private options: ContextOptions;
    private view: RenderResult | undefined;

    constructor(options: ContextOptions = {}) {
        // One platform for the driver's life, as a page has: its metadata is asked once, not per updateView.
        this.options = { ...options, metadata: options.metadata === undefined ? new SimulatedMetadata({ languageId: options.languageId }) : options.metadata };
        this.context = createContext(this.options);
        this.control.init(this.context as never, this.notifyOutputChanged, options.savedState);
    }

    /** One host updateView; renders (or re-renders) what the control returns. */
    public updateView(): RenderResult {
        const element = this.control.updateView(this.context as never);
        this.elements.push(element);
        if (this.view) this.view.rerender(element);
        else this.view = render(element);
        return this.view;
    }

    public updateViewInAct(): RenderResult {
        let view: RenderResult | undefined;
        act(() => {
            view = this.updateView();
        });
        return view as RenderResult;
    }

    public setParameters(parameters: Partial<ParameterValues>): RenderResult {
        this.options = { ...this.options, parameters: { ...this.options.parameters, ...parameters } };
        this.context = createContext(this.options);
        return this.updateViewInAct();
    }

    public resize(allocatedWidth: number, allocatedHeight: number): RenderResult {
        this.options = { ...this.options, allocatedWidth, allocatedHeight };
        this.context = createContext(this.options);
        return this.updateViewInAct();
    }

    /** Lets time pass (fake timers), inside act so React applies what the control's state did. */
    public async advance(ms: number): Promise<void> {
        await act(async () => {
            await jest.advanceTimersByTimeAsync(ms);
        });
    }

    public destroy(): void {
        this.control.destroy();
        this.view?.unmount();
    }
}
