export * from './stand-in/fault.plan';
export * from './stand-in/fault.switch';
export * from './stand-in/request.log';
export * from './stand-in/stand-in.server';
export * from './stand-in/paced-output';
export * from './side-channel/utterance.registry';
