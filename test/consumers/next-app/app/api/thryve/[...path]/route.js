import { thryve } from '../../../thryve';

export const GET = thryve;
export const POST = thryve;
