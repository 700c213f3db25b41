import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { freePort } from '../free-port';

/** Debian's WebKitGTK (the engine of Safari) and its WebDriver: apt-get install webkit2gtk-driver xvfb xauth. */
export const miniBrowser = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const webDriverBinary = '/usr/bin/WebKitWebDriver';

/** What Safari on an iPhone says it is: WebKitGTK with this user agent is the closest this machine has to one. */
export const iPhoneSafari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

export function missingWebKit(): string | null {
  for (const [path, what] of [
    [webDriverBinary, 'WebKitWebDriver'],
    [miniBrowser, 'MiniBrowser'],
    ['/usr/bin/xvfb-run', 'xvfb-run'],
  ] as const) {
    if (!existsSync(path)) return `No ${what} at ${path}. Install it: apt-get install -y webkit2gtk-driver xvfb xauth`;
  }
  return null;
}

export interface WebKitDriverServer {
  url: string;
  /**
   * How much the driver and its browsers have written so far, and the text from a mark on: a
   * failed test keeps what was written while it ran (a browser that crashed says so here).
   */
  outputMark(): number;
  outputSince(mark: number): string;
  /** Ends xvfb-run, its X server and WebKitWebDriver (and any MiniBrowser left behind). */
  stop(): Promise<void>;
}

/**
 * WebKitWebDriver on a virtual display. It runs in a process group of its own, so stopping it
 * ends Xvfb and every browser it started, even after a failed test.
 */
export async function startWebKitDriver(port?: number): Promise<WebKitDriverServer> {
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawn('xvfb-run', ['-a', webDriverBinary, `--port=${chosen}`], {
    // A phone set to English. Under a C locale WebKitGTK says its language is "C", which is no
    // language Helptent speaks, so the app would take the festival's (Dutch, for the lane's).
    env: { ...process.env, LANG: 'en_US.UTF-8' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // All of it, from a lane's few browsers: kept whole, so a mark taken at a test's start stays valid.
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const outputMark = () => output.length;
  const outputSince = (mark: number) => output.slice(mark);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // the group is gone already
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }, 3_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited early:\n${output}`);
    try {
      const status = (await (await fetch(`${url}/status`)).json()) as { value?: { ready?: boolean } };
      if (status.value?.ready) return { url, stop, outputMark, outputSince };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`WebKitWebDriver did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A fresh MiniBrowser window (each session has its own website data), phone-sized as far as
 * MiniBrowser lets a window shrink (its toolbar keeps it about 450 px wide).
 */
export async function openMiniBrowser(driverUrl: string, options: { userAgent?: string } = {}): Promise<WebDriver> {
  const args = ['--automation'];
  if (options.userAgent) args.push(`--user-agent=${options.userAgent}`);
  const driver = await new Builder()
    .usingServer(driverUrl)
    .withCapabilities({
      browserName: 'MiniBrowser',
      // MiniBrowser rejects --headless; xvfb is the display.
      'webkitgtk:browserOptions': { binary: miniBrowser, args },
    })
    .build();
  await driver.manage().window().setRect({ width: 390, height: 844 });
  await driver.manage().setTimeouts({ pageLoad: 20_000, script: 20_000 });
  return driver;
}
