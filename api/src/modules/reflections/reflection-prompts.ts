/**
 * Prompts for a reflection on an attribute, drawn from its title and (when the publisher's text is loaded) its
 * description: the Portrait of a Leader invites each educator to "reflect on your personal leadership
 * development".
 */
export function promptsFor(attribute: { title: string; description: string }): string[] {
  const name = attribute.title.trim();
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  const sentence = attribute.description.split(/(?<=[.!?])\s+/)[0]?.trim() ?? '';
  // Within what a reflection may store as its prompt (500), whatever the publisher wrote.
  const first = sentence.length > 300 ? `${sentence.slice(0, 297).trimEnd()}…` : sentence;
  const prompts = [
    `When did you practise ${lower} this month? What did it change for the people around you?`,
    `Where did ${lower} ask the most of you lately, and what would you do differently next time?`,
    `Who models ${lower} for you, and what could you learn from them?`,
  ];
  if (first)
    prompts.unshift(`"${first.replace(/^"|"$/g, '')}" Where do you see this in your own work, and where not yet?`);
  return prompts;
}
