import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'

// Placeholder shell: the hardened main process (app:// protocol, IPC, menu) replaces this.
app.whenReady().then(() => {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    webPreferences: { preload: join(__dirname, '../preload/index.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false }
  })
  void win.loadFile(join(__dirname, '../renderer/index.html'))
})
app.on('window-all-closed', () => app.quit())
