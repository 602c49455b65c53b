import type { INodeProperties } from 'n8n-workflow';

/** Display helpers shared by Message → Send's parameter files. */

/** Send and Send and Wait for Reply share every parameter of the message. */
export const show = { resource: ['message'], operation: ['send', 'sendAndWaitForReply'] };
export const forTypes = (...messageType: string[]) => ({ show: { ...show, messageType } });
export const MEDIA_TYPES = ['image', 'video', 'audio', 'document'] as const;
export const entry = (name: string, displayName: string, fields: INodeProperties[]) => ({ name, displayName, values: fields });
export const typeField = (placeholder: string): INodeProperties => ({ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder });

