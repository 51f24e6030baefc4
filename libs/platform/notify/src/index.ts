export * from './mail-message.entity';
export * from './mailer.service';
export * from './mail-transport';
export * from './mail-sender.handler';
export * from './dev-mail-catcher';
export * from './notify.module';
