// Reads the bytes a colyseus.js room's WebSocket has written and read on its TCP socket (WebSocket framing included).
import type { Room } from 'colyseus.js';

/** Byte counters of one connection's socket. */
export interface SocketBytes {
  written: number;
  read: number;
}

/**
 * colyseus.js 0.16 on Node 20 connects with the `ws` package: room.connection.transport.ws is a ws WebSocket
 * whose `_socket` is the net.Socket. Throws when that shape changes, so the bandwidth test cannot pass unmeasured.
 */
export function socketBytes(room: Room): SocketBytes {
  const transport = (room.connection as unknown as { transport?: { ws?: { _socket?: { bytesWritten?: unknown; bytesRead?: unknown } } } }).transport;
  const socket = transport?.ws?._socket;
  if (typeof socket?.bytesWritten !== 'number' || typeof socket.bytesRead !== 'number') {
    throw new Error('socketBytes: room.connection.transport.ws._socket is not a net.Socket; colyseus.js or ws changed how it connects.');
  }
  return { written: socket.bytesWritten, read: socket.bytesRead };
}
