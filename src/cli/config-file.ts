import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, parseConfig, RULE_IDS, type ConfigError, type GongwenConfig } from '../core';

export const CONFIG_FILE_NAME = '.gongwenrc.json';

export interface LoadedConfig {
  config: GongwenConfig;
  /** The config file in force, or null for the defaults. */
  file: string | null;
  /** Folder that `overrides` and `ignore.files` globs are relative to. */
  root: string;
  errors: ConfigError[];
}

/** Finds and loads the nearest `.gongwenrc.json` upward from a file (no merging), caching per folder. */
export class ConfigResolver {
  private byDir = new Map<string, LoadedConfig>();
  private byFile = new Map<string, LoadedConfig>();

  constructor(private readonly explicit?: string) {}

  /** The config for a file: `--config FILE` if given, else the nearest one upward. */
  forFile(file: string): LoadedConfig {
    if (this.explicit) return this.load(path.resolve(this.explicit), true);
    return this.forDir(path.dirname(path.resolve(file)));
  }

  private forDir(dir: string): LoadedConfig {
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const parent = path.dirname(dir);
    const result = isFile(candidate) ? this.load(candidate, false) : parent === dir ? defaults(dir) : this.forDir(parent);
    this.byDir.set(dir, result);
    return result;
  }

  private load(file: string, required: boolean): LoadedConfig {
    const cached = this.byFile.get(file);
    if (cached) return cached;
    const root = path.dirname(file);
    let result: LoadedConfig;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
      const missing = code === 'ENOENT' && required;
      result = {
        ...defaults(root),
        file,
        errors: [
          {
            file,
            key: '',
            message: missing ? '配置文件不存在' : `无法读取配置文件（${code}）`,
            messageEn: missing ? 'config file not found' : `cannot read the config file (${code})`,
          },
        ],
      };
      this.byFile.set(file, result);
      return result;
    }
    const parsed = parseConfig(text, file, RULE_IDS);
    result = parsed.ok ? { config: parsed.config, file, root, errors: [] } : { ...defaults(root), file, errors: parsed.errors };
    this.byFile.set(file, result);
    return result;
  }
}

function defaults(root: string): LoadedConfig {
  return { config: DEFAULT_CONFIG, file: null, root, errors: [] };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
