import * as React from "react";

/**
 * The last `value` seen while `settled`: a refresh in flight does not change what is announced or
 * shown, so a screen reader hears a count or an error once, not on every refresh.
 */
export function useSettledValue<T>(value: T, settled: boolean): T {
    const last = React.useRef(value);
    if (settled) last.current = value;
    return last.current;
}
