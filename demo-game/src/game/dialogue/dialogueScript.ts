// The shape of an NPC's conversation: lines, and the player's choices that lead between them.

/** One thing the player may answer; `next` names the node it leads to, null ends the talk. */
export interface DialogueChoice {
  readonly text: string;
  readonly next: string | null;
}

/** One line the NPC says, and the answers offered after it (none: the talk ends after the line). */
export interface DialogueNode {
  readonly line: string;
  readonly choices: readonly DialogueChoice[];
}

/** A whole conversation: the node it starts at and every node by name. */
export interface DialogueScript {
  readonly start: string;
  readonly nodes: Readonly<Record<string, DialogueNode>>;
}

/** Most answers a line may offer: the panel has room for three, and keys 1-3 pick them. */
export const MAX_DIALOGUE_CHOICES = 3;

/** The node called `name`, or a TypeError naming the script's mistake (a typo in the game's data). */
export function dialogueNode(script: DialogueScript, name: string, who: string): DialogueNode {
  const node = script.nodes[name];
  if (!node) throw new TypeError(`demo: ${who}'s dialogue has no node "${name}"; add it to demo-game/src/game/npc/npcCast.ts.`);
  if (node.choices.length < 1 || node.choices.length > MAX_DIALOGUE_CHOICES) {
    throw new TypeError(`demo: ${who}'s dialogue node "${name}" offers ${node.choices.length} choices; give 1 to ${MAX_DIALOGUE_CHOICES}.`);
  }
  return node;
}
