import { Controller, Delete, Inject, Post } from '@herald/http';
import { SessionCookie } from './SessionCookie.js';

@Controller('/session')
export class SessionController {
  @Post('')
  start(@Inject(SessionCookie) session: SessionCookie) {
    session.start();
    return { session: 'started' };
  }

  @Delete('')
  end(@Inject(SessionCookie) session: SessionCookie) {
    session.end();
    return { session: 'ended' };
  }
}
