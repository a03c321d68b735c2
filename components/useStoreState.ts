import * as React from "react";
import type { StateStore } from "../conversations/stateStore";

/** The store's current state; re-renders the component whenever it changes. */
export function useStoreState<T>(store: StateStore<T>): T {
    const [state, setState] = React.useState(() => store.get());
    React.useEffect(() => {
        setState(store.get()); // a change between the first render and this subscription
        return store.subscribe(setState);
    }, [store]);
    return state;
}
