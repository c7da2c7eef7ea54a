/**
 * Which config governs each file of a run: `--config` for all, or the nearest one found upward,
 * each loaded once (plugins, presets, overrides), then resolved for the file's path (overrides).
 */
import path from 'node:path'
import {ConfigError, ConfigFinder, type ResolvedConfig, type RuleSetting} from '../config.js'
import {configForFile, loadConfigFile, type LoadedConfig} from '../load-config.js'

export class ConfigResolver {
  private readonly finder = new ConfigFinder()
  private readonly loaded = new Map<string, Promise<LoadedConfig>>()
  private readonly explicit: string | undefined

  constructor(
    private readonly cwd: string,
    configPath: string | undefined,
    private readonly overrides: Record<string, RuleSetting>
  ) {
    this.explicit = configPath ? path.resolve(cwd, configPath) : undefined
  }

  /** A broken `--config` applies to every file: it throws `ConfigError` before anything is linted. */
  async checkExplicit(): Promise<void> {
    if (this.explicit) await this.load(this.explicit)
  }

  /** The config of a file (relative to `cwd`); a broken nearest config is returned as its error, for the files it governs. */
  async forFile(filePath: string): Promise<ResolvedConfig | ConfigError> {
    const absolute = path.resolve(this.cwd, filePath)
    try {
      return configForFile(await this.load(this.explicit ?? (await this.finder.find(path.dirname(absolute)))), absolute)
    } catch (error) {
      if (error instanceof ConfigError) return error
      throw error
    }
  }

  /** The config file `source` (absolute; none: the defaults), loaded once. */
  load(source: string | undefined): Promise<LoadedConfig> {
    const key = source ?? ''
    let loaded = this.loaded.get(key)
    if (!loaded) {
      loaded = loadConfigFile(source, {cwd: this.cwd, cliRules: this.overrides})
      this.loaded.set(key, loaded)
    }
    return loaded
  }
}
