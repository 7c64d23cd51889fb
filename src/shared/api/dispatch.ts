import { hostContract, isHostMethod, type HandlerContext, type HostHandlers, type HostMethod, type HostOutputs } from './contract';
import { HostError } from './errors';
import { describeFieldErrors, fieldErrorsFrom } from './validation';

/**
 * The single entry point every transport uses: unknown names and invalid
 * input are refused here, before any handler runs, and any other failure is
 * turned into a HostError whose message a person can read.
 */
export async function dispatch(
  handlers: HostHandlers,
  method: string,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<HostOutputs[HostMethod]> {
  if (!isHostMethod(method)) {
    throw new HostError('unknown-method', `This version of Fanfare cannot do "${method}".`);
  }
  const parsed = hostContract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error);
    throw new HostError('invalid-input', `Some details are not right: ${describeFieldErrors(fields)}`, fields);
  }
  try {
    const handler = handlers[method] as (input: unknown, ctx: HandlerContext) => Promise<HostOutputs[HostMethod]>;
    return await handler(parsed.data, ctx);
  } catch (error) {
    if (error instanceof HostError) throw error;
    if (ctx.signal.aborted) throw new HostError('cancelled', 'Cancelled.');
    const detail = error instanceof Error ? error.message : String(error);
    throw new HostError('internal', `Something went wrong while running "${method}": ${detail}`);
  }
}
