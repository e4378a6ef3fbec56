export { createUsersService, type UsersService } from './users.service';
export { usersRoutes } from './users.routes';
export { toUserDto } from './to-user-dto';
export type { MemberRow } from './users.repository';
