import { ref } from 'vue';
import { errorMessage } from './api';

/** A page's alert line (`<p v-if="message" class="error" role="alert">`) and the way its requests fill it. */
export function useAlert() {
  const message = ref('');
  /** Runs a request; what went wrong is said in the alert line, and the page stays as it was. */
  async function attempt(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      message.value = errorMessage(error);
    }
  }
  return { message, attempt };
}
