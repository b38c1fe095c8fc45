// Each e2e test file, and every process it starts, sees none of a developer's variables (test/developer-env.ts).
import { forgetDeveloperVariables } from '../developer-env';

forgetDeveloperVariables();
