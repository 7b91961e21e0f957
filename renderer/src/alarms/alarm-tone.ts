/**
 * The "Telepon OPD" alarm sound: a short two-tone made with Web Audio, so no media file is
 * shipped and the page's CSP needs no media source. Browsers start audio only after the
 * operator has used the page; the first key or click unlocks it ahead of any alarm.
 * Opening the audio output can block the page for a tenth of a second, so the context is
 * made while the desk loads (prepareAlarmTone), not inside the operator's first key press.
 */
let audio: AudioContext | undefined;

function context(): AudioContext | undefined {
  if (!audio && typeof AudioContext === 'function') audio = new AudioContext();
  return audio;
}

/** Call once the desk is on screen: the costly part of sound, before anyone works. */
export function prepareAlarmTone(): void {
  context();
}

/** Call from a user gesture: audio may start from then on. */
export function unlockAlarmTone(): void {
  const ac = context();
  if (ac && ac.state === 'suspended') void ac.resume().catch(() => undefined);
}

/** Three short beeps, high-low-high, about a second long. */
export function playAlarmTone(): void {
  const ac = context();
  if (!ac) return;
  if (ac.state === 'suspended') void ac.resume().catch(() => undefined);
  const t0 = ac.currentTime + 0.05;
  const gain = ac.createGain();
  gain.gain.value = 0.2;
  gain.connect(ac.destination);
  [880, 660, 880].forEach((hz, i) => {
    const osc = ac.createOscillator();
    osc.type = 'square';
    osc.frequency.value = hz;
    osc.connect(gain);
    osc.start(t0 + i * 0.3);
    osc.stop(t0 + i * 0.3 + 0.2);
  });
}
