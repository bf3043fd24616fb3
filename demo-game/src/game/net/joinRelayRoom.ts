// Joins the motion relay room on the configured server with colyseus.js, and turns a failure into a message for people.
import { Client, ServerError, type Room } from 'colyseus.js';
import { RELAY_ROOM_NAME } from './serverAddress';

/** The relay could not be joined; `reachable` is false when nothing answered at the address (the server is not running). */
export class RoomJoinError extends Error {
  override name = 'RoomJoinError';
  constructor(message: string, readonly reachable: boolean, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Joins (or opens) the relay room at `url`; RoomJoinError when it cannot. Contacts nothing but `url`. */
export async function joinRelayRoomAsync(url: string): Promise<Room> {
  const client = new Client(url);
  try {
    return await client.joinOrCreate(RELAY_ROOM_NAME);
  } catch (error) {
    if (error instanceof ServerError && error.code > 0) {
      throw new RoomJoinError(`The server at ${url} refused to let you in (${error.code}: ${error.message}).`, true, { cause: error });
    }
    throw new RoomJoinError(
      `No relay server answers at ${url}. Start one with "npm run server", or open the game with ?server=ws://host:port.`, false, { cause: error },
    );
  }
}
