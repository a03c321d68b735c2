import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";
import { setIconOptions } from "@fluentui/react";

// The platform registers Fluent's icons; tests have no icon font, and the warnings are noise.
setIconOptions({ disableWarnings: true });

// Role queries skip their check that an element is visible to assistive technology: in jsdom it reads the
// computed style of every ancestor of every candidate, and was half of these tests' time. What users can and
// cannot see is checked in the browser tests (axe-core in every state, Playwright's visibility waits).
configure({ defaultHidden: true });
