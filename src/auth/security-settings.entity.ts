import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, TextColumn } from '../db/columns';

/** The security settings: one row, id 'security', holding JSON (defaults fill what is missing). */
@Entity('security_settings')
export class SecuritySettingsRow {
  @PrimaryColumn({ type: 'varchar', length: 32 }) id!: string;
  @TextColumn() value!: string;
  @InstantColumn({ name: 'updated_at' }) updatedAt!: Date;
}

export const SECURITY_SETTINGS_ID = 'security';
