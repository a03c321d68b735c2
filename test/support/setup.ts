import "@testing-library/jest-dom";
import { setIconOptions } from "@fluentui/react";

// The platform registers Fluent's icons; tests have no icon font, and the warnings are noise.
setIconOptions({ disableWarnings: true });
